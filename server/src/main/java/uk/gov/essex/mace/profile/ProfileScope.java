package uk.gov.essex.mace.profile;

import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * What a profile covers: one quadrant, or the county (all four).
 *
 * @param name the quadrant's name, or {@code COUNTY}
 * @param quadrants the quadrants covered, in order
 * @param districts their districts, in configuration order
 */
record ProfileScope(String name, List<Quadrant> quadrants, List<District> districts) {

    static final String COUNTY = "COUNTY";

    ProfileScope {
        quadrants = List.copyOf(quadrants);
        districts = List.copyOf(districts);
    }

    static ProfileScope quadrant(Quadrant quadrant, Partnership partnership) {
        return new ProfileScope(quadrant.name(), List.of(quadrant),
                partnership.districts().stream().filter(d -> d.quadrant() == quadrant).toList());
    }

    static ProfileScope county(Partnership partnership) {
        return new ProfileScope(COUNTY, List.of(Quadrant.values()), partnership.districts());
    }

    boolean county() {
        return COUNTY.equals(name);
    }

    Set<Quadrant> quadrantSet() {
        return Set.copyOf(quadrants);
    }

    /** The configured spelling of a district typed by someone, or null when it is not one of the scope's. */
    String canonicalDistrict(String typed) {
        if (typed == null) {
            return null;
        }
        String key = typed.trim().replaceAll("\\s+", " ");
        return districts.stream().map(District::name).filter(n -> n.equalsIgnoreCase(key)).findFirst().orElse(null);
    }
}
