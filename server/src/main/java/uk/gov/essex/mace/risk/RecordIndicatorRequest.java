package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Records an exploitation indicator noticed by the caller's agency.
 *
 * @param indicator which of the seed's indicators
 * @param observedOn when it was noticed; not in the future
 * @param sourceNote where the information comes from (free text, may be intelligence); parts may be
 *     marked {@code [[label-id:restricted text]]} with a label at least as strict as the indicator's
 * @param label the handling label of the indicator, as for an intelligence item; when absent,
 *     {@code all-members} (every reader of the case)
 */
public record RecordIndicatorRequest(
        @NotNull ExploitationIndicator indicator,
        @NotNull LocalDate observedOn,
        @NotBlank @Size(max = 2000) String sourceNote,
        @Size(max = 64) String label) {

    @Override
    public String toString() {
        return "RecordIndicatorRequest[" + indicator + ", " + observedOn + ", label=" + label + "]";
    }
}
