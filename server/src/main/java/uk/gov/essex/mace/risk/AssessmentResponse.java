package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.cases.ExploitationType;

/** One assessment as a permitted viewer reads it; {@code current} marks the one that counts. */
public record AssessmentResponse(
        String id,
        String caseId,
        RiskLevel level,
        ExploitationType exploitationType,
        boolean knownToBeExploited,
        LocalDate assessedOn,
        LocalDate nextReviewOn,
        String assessor,
        String assessorAgency,
        Instant recordedAt,
        boolean current) {

    static AssessmentResponse of(String caseId, StoredAssessment a, boolean current) {
        return new AssessmentResponse(a.id(), caseId, a.level(), a.exploitationType(), a.knownToBeExploited(),
                a.assessedOn(), a.nextReviewOn(), a.assessor(), a.assessorAgency(), a.recordedAt(), current);
    }
}
