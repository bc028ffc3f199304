package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Closes a missing episode: the child has returned or been found.
 *
 * @param returnedAt when; not before the episode's start and not in the future
 * @param whereFound where the child was found
 * @param returnHomeInterview whether a return home interview took place, if known
 */
public record RecordReturnRequest(
        @NotNull Instant returnedAt,
        @Size(max = 500) String whereFound,
        Boolean returnHomeInterview) {

    @Override
    public String toString() {
        return "RecordReturnRequest[" + returnedAt + "]";
    }
}
