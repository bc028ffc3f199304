package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 401, or a refused token request: the hub does not accept the caller's credentials. The SDK
 * has already fetched a fresh token once and retried, so the client id, secret, or token supplier
 * is wrong, or the client was disabled.
 */
public class AuthenticationException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public AuthenticationException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
