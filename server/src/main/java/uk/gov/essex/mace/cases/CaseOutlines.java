package uk.gov.essex.mace.cases;

import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.partnership.Quadrant;

/** The cases of some quadrants in outline, for pseudonymised aggregates (the MACE Part 2 profile). */
public interface CaseOutlines {

    /** Every case of the quadrants, in no particular order; no identity is ever opened. */
    List<CaseOutline> inQuadrants(Set<Quadrant> quadrants);
}
