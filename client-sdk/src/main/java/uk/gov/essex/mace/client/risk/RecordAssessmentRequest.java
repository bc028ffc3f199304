package uk.gov.essex.mace.client.risk;

import java.time.LocalDate;
import uk.gov.essex.mace.client.cases.ExploitationType;

/**
 * Records a Risk in the Community Record assessment; the assessor is the caller.
 *
 * @param level LOW, MEDIUM or HIGH
 * @param exploitationType CSE, CCE, BOTH or NOT_YET_KNOWN
 * @param knownToBeExploited whether the child is known to be exploited (with HIGH: the MACE criteria)
 * @param assessedOn the date of the assessment; not in the future
 * @param nextReviewOn when it is next to be reviewed; after {@code assessedOn}
 */
public record RecordAssessmentRequest(RiskLevel level, ExploitationType exploitationType, Boolean knownToBeExploited,
        LocalDate assessedOn, LocalDate nextReviewOn) {}
