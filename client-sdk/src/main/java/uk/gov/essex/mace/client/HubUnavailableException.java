package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * The hub could not be reached, or kept answering 502/503/504, through every retry the client
 * was built to make. {@link #status()} is 0 when no response came at all (the cause is the last
 * connection failure). For a POST this means the outcome is unknown only if the request reached
 * the hub: calling again with the same {@code Idempotency-Key} (see {@link RequestOptions}) is
 * safe on endpoints that honour it and returns the original result if the first one landed.
 */
public class HubUnavailableException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public HubUnavailableException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
