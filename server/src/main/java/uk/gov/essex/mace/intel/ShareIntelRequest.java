package uk.gov.essex.mace.intel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import uk.gov.essex.mace.redaction.Marking;

/**
 * Shares an intelligence item on a case.
 *
 * @param text up to 64 KB; parts may be marked {@code [[label-id:restricted text]]} with a label at
 *     least as strict as the item's
 * @param category what the item is about
 * @param label the handling label of the item
 * @param marking the GSC marking
 * @param observedAt when the observation was made (not in the future)
 * @param location optional place
 * @param persons optional named persons of interest
 * @param grading police 3x5x2 grading (police agencies only)
 */
public record ShareIntelRequest(
        @NotBlank @Size(max = 65_536) String text,
        @NotNull IntelCategory category,
        @NotBlank @Size(max = 64) String label,
        @NotNull Marking marking,
        @NotNull Instant observedAt,
        @Valid Place location,
        @Valid @Size(max = 50) List<@Valid PersonOfInterest> persons,
        @Valid Grading grading) {

    @Override
    public String toString() {
        return "ShareIntelRequest[category=" + category + ", label=" + label + "]";
    }
}
