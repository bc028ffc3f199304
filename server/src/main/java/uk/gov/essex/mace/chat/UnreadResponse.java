package uk.gov.essex.mace.chat;

import java.util.Map;

/**
 * Unread items per case, for the cases asked about that the caller may read (others are left out,
 * as if unknown). An item the caller may not know exists is never counted; counts stop at
 * {@link ReadMarkerManager#MAX_COUNTED}.
 *
 * @param counts case id to the number of items shared after the caller's read marker
 */
public record UnreadResponse(Map<String, Integer> counts) {

    public UnreadResponse {
        counts = Map.copyOf(counts);
    }
}
