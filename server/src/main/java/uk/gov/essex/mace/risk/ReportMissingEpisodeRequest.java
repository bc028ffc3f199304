package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Reports a missing episode, as it happens or late (back-dated); a late report may already carry
 * the return.
 *
 * @param startedAt when the child went missing; not in the future
 * @param returnedAt when the child returned or was found, if they have; not before {@code startedAt}
 * @param whereFound where the child was found (only with {@code returnedAt})
 * @param returnHomeInterview whether a return home interview took place (only with {@code returnedAt})
 */
public record ReportMissingEpisodeRequest(
        @NotNull Instant startedAt,
        Instant returnedAt,
        @Size(max = 500) String whereFound,
        Boolean returnHomeInterview) {

    @Override
    public String toString() {
        return "ReportMissingEpisodeRequest[" + startedAt + "]";
    }
}
