package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 409 {@code stale-revision}: the item was revised since the revision the caller expected.
 * Read it again, re-apply the change and send it with the new revision.
 */
public class StaleRevisionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public StaleRevisionException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
