package uk.gov.essex.mace.client.cases;

import java.util.List;

/**
 * What the hub found for a child.
 *
 * @param cases the matching cases the caller may read
 * @param otherCasesInQuadrants how many further matching cases exist that the caller may not read
 *     (its agency is not a member): ask the quadrant's MACE coordinator rather than open another
 */
public record FindCaseResponse(List<CaseResponse> cases, int otherCasesInQuadrants) {

    public FindCaseResponse {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }
}
