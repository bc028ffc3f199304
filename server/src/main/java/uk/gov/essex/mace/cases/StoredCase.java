package uk.gov.essex.mace.cases;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A case as stored. The child's name and date of birth are only ever stored sealed with the
 * case's data key; {@code childIndex} is a keyed blind index to find an existing case for a child.
 */
@Document("cases")
record StoredCase(
        @Id String id,
        byte[] childNameSealed,
        byte[] dateOfBirthSealed,
        String childIndex,
        String district,
        Quadrant quadrant,
        ExploitationType exploitationType,
        CaseStatus status,
        List<String> memberAgencies,
        Instant openedAt,
        String openedBy,
        String openedByAgency) {

    StoredCase {
        memberAgencies = List.copyOf(memberAgencies);
    }
}
