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
 * @param sourceNote where the information comes from (free text, may be intelligence)
 */
public record RecordIndicatorRequest(
        @NotNull ExploitationIndicator indicator,
        @NotNull LocalDate observedOn,
        @NotBlank @Size(max = 2000) String sourceNote) {

    @Override
    public String toString() {
        return "RecordIndicatorRequest[" + indicator + ", " + observedOn + "]";
    }
}
