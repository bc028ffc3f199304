package uk.gov.essex.mace.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A quadrant-month of disruption updates due for erasure as the review list shows it: its key scope,
 * dates and schedule name, no content and no count (the month may hold updates withheld from the
 * reviewer, even as a number; the audit trail's tombstone counts them, for auditors).
 *
 * @param scope the month's key scope, {@code disruption:QUADRANT:yyyy-MM}: the id the review's
 *     proposal and approval take
 * @param month the calendar month, {@code yyyy-MM}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DueMonthResponse(
        String scope,
        Quadrant quadrant,
        String month,
        String schedule,
        String scheduleName,
        LocalDate dueOn,
        ReviewStatus status,
        String proposedBy,
        Instant proposedAt) {}
