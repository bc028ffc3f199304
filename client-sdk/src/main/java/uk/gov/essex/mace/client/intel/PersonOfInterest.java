package uk.gov.essex.mace.client.intel;

/**
 * A person named in an item (an associate, a suspected exploiter).
 *
 * @param name the name
 * @param description optional description
 */
public record PersonOfInterest(String name, String description) {

    @Override
    public String toString() {
        return "PersonOfInterest[redacted]";
    }
}
