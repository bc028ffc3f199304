package uk.gov.essex.mace.intel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new revision of an item, by its author. The previous revision stays in the history.
 *
 * @param expectedRevision the revision the author edited (refused when someone changed it since)
 */
public record EditIntelRequest(
        @NotNull Integer expectedRevision,
        @NotBlank @Size(max = 65_536) String text,
        @Valid Place location,
        @Valid @Size(max = 50) List<@Valid PersonOfInterest> persons) {

    @Override
    public String toString() {
        return "EditIntelRequest[expectedRevision=" + expectedRevision + "]";
    }
}
