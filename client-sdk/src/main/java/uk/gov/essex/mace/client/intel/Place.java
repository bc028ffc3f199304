package uk.gov.essex.mace.client.intel;

/**
 * Where something was observed (every field optional).
 *
 * @param placeName e.g. a shop or park name
 * @param address street address
 * @param postcode postcode
 * @param district Essex district
 */
public record Place(String placeName, String address, String postcode, String district) {

    @Override
    public String toString() {
        return "Place[redacted]";
    }
}
