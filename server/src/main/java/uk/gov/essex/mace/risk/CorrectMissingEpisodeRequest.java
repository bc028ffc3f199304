package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Corrects a missing episode: a new version with these values; the old one is kept.
 *
 * @param version the version being corrected (the current one), so two corrections cannot cross
 * @param startedAt the corrected start
 * @param returnedAt the corrected return, or {@code null} if the child is still missing
 * @param whereFound the corrected place found
 * @param returnHomeInterview whether a return home interview took place
 * @param reason why the correction is made
 */
public record CorrectMissingEpisodeRequest(
        @NotNull @Positive Integer version,
        @NotNull Instant startedAt,
        Instant returnedAt,
        @Size(max = 500) String whereFound,
        Boolean returnHomeInterview,
        @NotBlank @Size(max = 500) String reason) {

    @Override
    public String toString() {
        return "CorrectMissingEpisodeRequest[v" + version + ", " + startedAt + "]";
    }
}
