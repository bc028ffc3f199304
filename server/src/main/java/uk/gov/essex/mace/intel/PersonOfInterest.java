package uk.gov.essex.mace.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person named in an item (an associate, a suspected exploiter). Sealed at rest. */
public record PersonOfInterest(@NotBlank @Size(max = 200) String name, @Size(max = 500) String description) {

    @Override
    public String toString() {
        return "PersonOfInterest[redacted]";
    }
}
