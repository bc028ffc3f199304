package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The minutes of the discussion of one child (replaces earlier minutes for that child). */
public record MinutesRequest(@NotBlank @Size(max = 20_000) String text) {

    @Override
    public String toString() {
        return "MinutesRequest[" + text.length() + " chars]";
    }
}
