package uk.gov.essex.mace.alerts;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * Published once per alert, after it is stored and audited and before it is delivered live.
 *
 * @param alertId {@code caseId:reason:entry}
 * @param caseId the case
 * @param reason why
 * @param quadrant the case's quadrant
 * @param raisedAt when
 */
public record AlertRaised(String alertId, String caseId, AlertReason reason, Quadrant quadrant, Instant raisedAt) {}
