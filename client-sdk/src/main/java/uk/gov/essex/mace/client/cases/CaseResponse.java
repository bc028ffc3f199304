package uk.gov.essex.mace.client.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the caller may read it. {@link #toString()} shows only the id: the child's identity
 * must not end up in a partner system's logs by accident.
 *
 * @param id the case id
 * @param childName the child's name
 * @param dateOfBirth the child's date of birth
 * @param district the Essex district
 * @param quadrant the MACE quadrant the district is in
 * @param exploitationType CSE, CCE, BOTH or NOT_YET_KNOWN
 * @param status OPEN or CLOSED
 * @param members the member agencies
 * @param openedAt when the case was opened
 * @param openedBy who opened it (user or client subject)
 * @param openedByAgency the opener's agency
 */
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

    public CaseResponse {
        members = members == null ? List.of() : List.copyOf(members);
    }

    @Override
    public String toString() {
        return "CaseResponse[" + id + "]";
    }
}
