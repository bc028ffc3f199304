package uk.gov.essex.mace.disruption;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.redaction.Marking;

/**
 * Posts a disruption update.
 *
 * @param type one of {@link DisruptionType}
 * @param place where it took place (the district must be an Essex district)
 * @param date when it took place; not in the future
 * @param outcome what came of it, e.g. "premises licence reviewed; staff briefed"
 * @param linkedCaseIds cases it concerns; the poster must be able to read each
 * @param text optional further detail
 * @param label the handling label
 * @param marking the GSC marking
 */
public record PostDisruptionRequest(
        @NotBlank @Size(max = 64) String type,
        @NotNull @Valid DisruptionPlace place,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 2000) String outcome,
        @Size(max = 20) List<@NotBlank @Size(max = 64) String> linkedCaseIds,
        @Size(max = 65_536) String text,
        @NotBlank @Size(max = 64) String label,
        @NotNull Marking marking) {

    @Override
    public String toString() {
        return "PostDisruptionRequest[type=" + type + ", label=" + label + "]";
    }
}
