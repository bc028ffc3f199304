package uk.gov.essex.mace.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.partnership.Quadrant;

/** A case due for erasure as the review list shows it: ids, dates and schedule names, no content. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DueCaseResponse(
        String caseId,
        Quadrant quadrant,
        String schedule,
        String scheduleName,
        LocalDate closedOn,
        LocalDate dueOn,
        ReviewStatus status,
        String proposedBy,
        Instant proposedAt) {}
