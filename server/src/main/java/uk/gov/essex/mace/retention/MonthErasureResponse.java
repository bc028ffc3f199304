package uk.gov.essex.mace.retention;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * That an approved erasure of a quadrant-month happened, under which schedule; the month's data key
 * was destroyed. How many updates went is in the audit trail's {@code disruption.month.erased}
 * entry only, for auditors: a count here would tell the approver of updates withheld from them.
 */
public record MonthErasureResponse(String scope, Quadrant quadrant, String month, String schedule,
        boolean dataKeyDestroyed, Instant erasedAt) {}
