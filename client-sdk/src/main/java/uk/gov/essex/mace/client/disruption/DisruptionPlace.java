package uk.gov.essex.mace.client.disruption;

/**
 * Where a disruption took place. The hub seals name, address and postcode at rest; the district
 * decides the quadrant the update belongs to. {@link #toString()} shows none of it.
 *
 * @param premisesName the premises or place, e.g. a hotel, a takeaway, a park (up to 200 characters)
 * @param address its address, if known
 * @param postcode its postcode, if known (a UK postcode; the hub normalises it to {@code CO1 1AA})
 * @param district the Essex district it is in, e.g. {@code Colchester}
 */
public record DisruptionPlace(String premisesName, String address, String postcode, String district) {

    /** A place known only by its name and district. */
    public static DisruptionPlace of(String premisesName, String district) {
        return new DisruptionPlace(premisesName, null, null, district);
    }

    @Override
    public String toString() {
        return "DisruptionPlace[redacted]";
    }
}
