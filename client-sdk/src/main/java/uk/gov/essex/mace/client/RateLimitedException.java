package uk.gov.essex.mace.client;

import java.time.Duration;
import java.util.Map;

/**
 * 429: the hub asked the caller to slow down, and the SDK's retries (which wait as long as the
 * hub's {@code Retry-After} says, up to the builder's {@code maxRetryAfter}) did not get through.
 */
public class RateLimitedException extends HubException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public RateLimitedException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Duration retryAfter, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the hub asked the caller to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
