package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 409: the request conflicts with the current state. Branch on the subclasses:
 * {@link StaleRevisionException} (someone revised the item since you read it: re-read and
 * re-apply) and {@link IdempotencyKeyReusedException} (a programming error: one key, two bodies).
 */
public class ConflictException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public ConflictException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
