package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;

/**
 * One quadrant-month of disruption updates whose schedule has run out, under review: scope, dates,
 * counts and schedule only.
 *
 * @param updates how many updates the month held when last evaluated
 * @param erased updates removed so far, kept as erasure proceeds so an interrupted erasure resumed
 *     later still reports the whole count
 */
record MonthReview(
        MonthScope scope,
        String schedule,
        LocalDate dueOn,
        int updates,
        ReviewStatus status,
        Instant evaluatedAt,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt,
        int erased) {

    String keyScope() {
        return scope.keyScope();
    }
}
