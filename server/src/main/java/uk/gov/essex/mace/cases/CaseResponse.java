package uk.gov.essex.mace.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/** A case as a permitted viewer reads it; {@code closedAt} and {@code closureReason} are set while it is closed. */
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
        String openedByAgency,
        Instant closedAt,
        ClosureReason closureReason) {

    @Override
    public String toString() {
        return "CaseResponse[" + id + "]";
    }
}
