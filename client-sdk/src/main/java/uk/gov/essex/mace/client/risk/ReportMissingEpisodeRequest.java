package uk.gov.essex.mace.client.risk;

import java.time.Instant;

/**
 * Reports a missing episode, as it happens or late; a late report may carry the return already.
 *
 * @param startedAt when the child went missing; not in the future
 * @param returnedAt when the child returned or was found, or null while still missing
 * @param whereFound where the child was found (with {@code returnedAt} only)
 * @param returnHomeInterview whether a return home interview took place (with {@code returnedAt} only)
 */
public record ReportMissingEpisodeRequest(Instant startedAt, Instant returnedAt, String whereFound,
        Boolean returnHomeInterview) {

    /** A child missing since {@code startedAt}, not yet returned. */
    public static ReportMissingEpisodeRequest missingSince(Instant startedAt) {
        return new ReportMissingEpisodeRequest(startedAt, null, null, null);
    }
}
