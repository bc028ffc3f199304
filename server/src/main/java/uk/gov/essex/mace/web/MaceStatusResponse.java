package uk.gov.essex.mace.web;

import java.time.Instant;
import java.util.Set;
import uk.gov.essex.mace.alerts.AlertReason;

/**
 * Whether a case meets the MACE criteria now, as "my cases" shows it.
 *
 * @param caseId the case
 * @param inCriteria whether it meets a MACE reason now
 * @param reasons the reasons it meets
 * @param enteredAt when it last entered the criteria ({@code null} when it never has or has left)
 */
public record MaceStatusResponse(String caseId, boolean inCriteria, Set<AlertReason> reasons, Instant enteredAt) {

    public MaceStatusResponse {
        reasons = Set.copyOf(reasons);
    }
}
