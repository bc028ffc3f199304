package uk.gov.essex.mace.system;

import org.slf4j.MDC;

/**
 * The request id and source address of the request being served, kept in the logging MDC so
 * every log line and audit entry carries them.
 */
public final class RequestContext {

    public static final String REQUEST_ID = "requestId";
    public static final String SOURCE_ADDRESS = "sourceAddress";
    public static final String HEADER = "X-Request-Id";

    private RequestContext() {}

    public static String requestId() {
        return MDC.get(REQUEST_ID);
    }

    public static String sourceAddress() {
        return MDC.get(SOURCE_ADDRESS);
    }
}
