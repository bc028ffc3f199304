package uk.gov.essex.mace.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Looks for an existing case for a child before opening a new one. */
public record FindChildRequest(@NotBlank @Size(max = 200) String childName, @NotNull LocalDate dateOfBirth) {

    @Override
    public String toString() {
        return "FindChildRequest[redacted]";
    }
}
