package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 409 {@code idempotency-key-reused}: the same {@code Idempotency-Key} was sent earlier with a
 * different body. The SDK generates a fresh key per call, so this means a caller supplied one key
 * for two different requests.
 */
public class IdempotencyKeyReusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public IdempotencyKeyReusedException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
