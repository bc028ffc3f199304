package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import uk.gov.essex.mace.cases.ExploitationType;

/** One Risk in the Community Record assessment, never changed once recorded. */
record StoredAssessment(
        String id,
        RiskLevel level,
        ExploitationType exploitationType,
        boolean knownToBeExploited,
        LocalDate assessedOn,
        LocalDate nextReviewOn,
        String assessor,
        String assessorAgency,
        Instant recordedAt) {

    /** The current assessment is the latest by assessment date; on the same date, the latest recorded. */
    static final Comparator<StoredAssessment> CURRENCY = Comparator.comparing(StoredAssessment::assessedOn)
            .thenComparing(StoredAssessment::recordedAt)
            .thenComparing(StoredAssessment::id);
}
