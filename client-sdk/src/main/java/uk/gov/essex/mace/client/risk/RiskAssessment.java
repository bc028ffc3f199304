package uk.gov.essex.mace.client.risk;

import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.client.cases.ExploitationType;

/**
 * One assessment; {@code current} marks the one that counts.
 *
 * @param id assessment id
 * @param caseId the case
 * @param level the risk level
 * @param exploitationType the exploitation type
 * @param knownToBeExploited whether the child is known to be exploited
 * @param assessedOn date of the assessment
 * @param nextReviewOn date of the next review
 * @param assessor who assessed
 * @param assessorAgency their agency
 * @param recordedAt when it was recorded in the hub
 * @param current whether it is the assessment in force
 */
public record RiskAssessment(String id, String caseId, RiskLevel level, ExploitationType exploitationType,
        boolean knownToBeExploited, LocalDate assessedOn, LocalDate nextReviewOn, String assessor, String assessorAgency,
        Instant recordedAt, boolean current) {}
