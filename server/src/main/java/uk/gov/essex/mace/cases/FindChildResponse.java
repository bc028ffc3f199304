package uk.gov.essex.mace.cases;

import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * Cases for the child that the caller may see, and the quadrants of any others (so the caller can
 * ask that quadrant's MACE coordinator to be added, rather than open a duplicate).
 */
public record FindChildResponse(List<CaseResponse> cases, List<Quadrant> otherCasesInQuadrants) {}
