package uk.gov.essex.mace.client.cases;

import java.util.List;

/**
 * What the hub found for a child.
 *
 * @param cases the matching cases the caller may read
 * @param otherCasesInQuadrants the quadrants of further cases for this child that the caller may not
 *     read: ask that quadrant's MACE coordinator to add your agency rather than open a duplicate
 */
public record FindCaseResponse(List<CaseResponse> cases, List<Quadrant> otherCasesInQuadrants) {

    public FindCaseResponse {
        cases = cases == null ? List.of() : List.copyOf(cases);
        otherCasesInQuadrants = otherCasesInQuadrants == null ? List.of() : List.copyOf(otherCasesInQuadrants);
    }
}
