package uk.gov.essex.mace.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/** A case as a permitted viewer reads it. */
public record CaseResponse(
        String id,
        String childName,
        LocalDate dateOfBirth,
        String district,
        Quadrant quadrant,
        ExploitationType exploitationType,
        CaseStatus status,
        List<MemberResponse> members,
        Instant openedAt,
        String openedBy,
        String openedByAgency) {

    @Override
    public String toString() {
        return "CaseResponse[" + id + "]";
    }
}
