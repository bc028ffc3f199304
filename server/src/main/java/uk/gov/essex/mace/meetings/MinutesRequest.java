package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The minutes of the discussion of one child (replaces earlier minutes for that child).
 *
 * @param text the minutes; parts may be marked {@code [[label-id:restricted text]]} with a label at
 *     least as strict as the minutes', exactly as in an intelligence item
 * @param label the minutes' handling label; when absent, {@code all-members} (every reader of the case)
 */
public record MinutesRequest(@NotBlank @Size(max = 20_000) String text, @Size(max = 64) String label) {

    @Override
    public String toString() {
        return "MinutesRequest[" + text.length() + " chars, label=" + label + "]";
    }
}
