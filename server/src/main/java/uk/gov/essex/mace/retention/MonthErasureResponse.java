package uk.gov.essex.mace.retention;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * What an approved erasure of a quadrant-month removed: how many disruption updates, under which
 * schedule; the month's data key was destroyed. The same facts are in the audit trail's
 * {@code disruption.month.erased} entry.
 */
public record MonthErasureResponse(String scope, Quadrant quadrant, String month, String schedule, int erased,
        boolean dataKeyDestroyed, Instant erasedAt) {}
