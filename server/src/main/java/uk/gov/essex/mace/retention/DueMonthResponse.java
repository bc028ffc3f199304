package uk.gov.essex.mace.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A quadrant-month of disruption updates due for erasure as the review list shows it: its key scope,
 * dates, count and schedule name, no content.
 *
 * @param scope the month's key scope, {@code disruption:QUADRANT:yyyy-MM}: the id the review's
 *     proposal and approval take
 * @param month the calendar month, {@code yyyy-MM}
 * @param updates how many updates it held when last evaluated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DueMonthResponse(
        String scope,
        Quadrant quadrant,
        String month,
        String schedule,
        String scheduleName,
        LocalDate dueOn,
        int updates,
        ReviewStatus status,
        String proposedBy,
        Instant proposedAt) {}
