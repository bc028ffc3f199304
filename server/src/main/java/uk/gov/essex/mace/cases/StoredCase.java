package uk.gov.essex.mace.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A case as stored. The child's name and date of birth are only ever stored sealed with the
 * case's data key; {@code childIndex} is a keyed blind index to find an existing case for a child.
 * {@code sharingBases} holds, per member agency, the agreement and lawful basis it joined under;
 * {@code closedAt} (with who closed it and why) is set while the case is closed.
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
        String openedByAgency,
        Map<String, SharingBasis> sharingBases,
        Instant closedAt,
        String closedBy,
        ClosureReason closureReason) {

    StoredCase {
        memberAgencies = List.copyOf(memberAgencies);
        sharingBases = sharingBases == null ? Map.of() : Map.copyOf(sharingBases);
    }
}
