package uk.gov.essex.mace.client.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * Opens a case for one child. Look for the child's existing case first
 * ({@link CasesClient#find(FindCaseRequest)}): the partnership wants one case per child.
 *
 * @param childName the child's name
 * @param dateOfBirth the date of birth; the child must be under 18 today
 * @param district the Essex district the child lives in, e.g. {@code Colchester}
 * @param exploitationType what the child is at risk of
 * @param memberAgencies agencies to make members at once besides the caller's own (may be empty)
 */
public record OpenCaseRequest(
        String childName,
        LocalDate dateOfBirth,
        String district,
        ExploitationType exploitationType,
        List<String> memberAgencies) {

    public OpenCaseRequest {
        memberAgencies = memberAgencies == null ? List.of() : List.copyOf(memberAgencies);
    }

    @Override
    public String toString() {
        return "OpenCaseRequest[district=" + district + ", exploitationType=" + exploitationType + "]";
    }
}
