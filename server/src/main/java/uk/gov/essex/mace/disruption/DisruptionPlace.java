package uk.gov.essex.mace.disruption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where the disruption took place. Name, address and postcode are sealed at rest; the district
 * decides the quadrant and is kept in the clear for routing and counting.
 *
 * @param premisesName the premises or place, e.g. a hotel, a takeaway, a park
 * @param address its address, if known
 * @param postcode its postcode, if known (a UK postcode)
 * @param district the Essex district it is in
 */
public record DisruptionPlace(
        @NotBlank @Size(max = 200) String premisesName,
        @Size(max = 500) String address,
        @Size(max = 10) String postcode,
        @NotBlank @Size(max = 100) String district) {

    @Override
    public String toString() {
        return "DisruptionPlace[redacted]";
    }
}
