package uk.gov.essex.mace.partnership;

import java.util.Set;

/** An agency of the partnership, as configured. */
public record Agency(String id, String name, AgencyType type, Set<Quadrant> quadrants) {

    public Agency {
        quadrants = Set.copyOf(quadrants);
    }
}
