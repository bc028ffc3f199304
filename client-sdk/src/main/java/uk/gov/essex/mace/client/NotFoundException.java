package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 404: the thing does not exist, <em>or the caller may not learn that it does</em> (the hub answers
 * an unknown case and a case outside the caller's reach alike, so ids cannot be probed).
 */
public class NotFoundException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public NotFoundException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
