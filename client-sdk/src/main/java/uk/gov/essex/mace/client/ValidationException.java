package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 400: the request broke a rule ({@link #fieldErrors()} names the fields when the hub did), used
 * an unknown field, or was not valid JSON. Nothing was changed. Problem types include
 * {@code validation}, {@code unknown-field}, {@code malformed-body}, {@code not-a-child}.
 */
public class ValidationException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public ValidationException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
