package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import uk.gov.essex.mace.cases.ExploitationType;

/**
 * Records a Risk in the Community Record assessment. The assessor and their agency are the caller.
 *
 * @param level LOW, MEDIUM or HIGH
 * @param exploitationType CSE, CCE, BOTH or NOT_YET_KNOWN
 * @param knownToBeExploited whether the child is known to be exploited (with HIGH: MACE criteria)
 * @param assessedOn the date of the assessment; not in the future
 * @param nextReviewOn when it is next to be reviewed; after {@code assessedOn}
 */
public record RecordAssessmentRequest(
        @NotNull RiskLevel level,
        @NotNull ExploitationType exploitationType,
        @NotNull Boolean knownToBeExploited,
        @NotNull LocalDate assessedOn,
        @NotNull LocalDate nextReviewOn) {}
