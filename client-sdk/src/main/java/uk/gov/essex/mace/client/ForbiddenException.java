package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * 403: the caller is known but the hub's policy decision point refused the action (not a member
 * of the case, wrong quadrant, a role that may not do this). The refusal is in the hub's audit trail;
 * retrying will not help, asking the case's members or a MACE coordinator might.
 */
public class ForbiddenException extends HubException {

    private static final long serialVersionUID = 1L;

    /** See {@link HubException#HubException(int, String, String, String, String, Map, Throwable)}. */
    public ForbiddenException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(status, problemType, title, detail, requestId, fieldErrors, cause);
    }
}
