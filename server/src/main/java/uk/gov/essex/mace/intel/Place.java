package uk.gov.essex.mace.intel;

import jakarta.validation.constraints.Size;

/** Where something was observed. Sealed at rest with the rest of the item. */
public record Place(
        @Size(max = 200) String placeName,
        @Size(max = 500) String address,
        @Size(max = 10) String postcode,
        @Size(max = 100) String district) {

    @Override
    public String toString() {
        return "Place[redacted]";
    }
}
