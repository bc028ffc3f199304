package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * One closed case whose schedule has run out, under review: ids, dates and schedule only.
 *
 * @param closedAt the closure the schedule counted from; an approval checks the case is still closed
 *     since then (a reopened and re-closed case starts again)
 * @param erased records removed so far per record type, kept as erasure proceeds so an interrupted
 *     erasure resumed later still reports the whole count
 */
record Review(
        String caseId,
        Quadrant quadrant,
        String schedule,
        Instant closedAt,
        LocalDate closedOn,
        LocalDate dueOn,
        ReviewStatus status,
        Instant evaluatedAt,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        Map<String, Integer> erased) {

    Review {
        erased = erased == null ? Map.of() : Map.copyOf(erased);
    }
}
