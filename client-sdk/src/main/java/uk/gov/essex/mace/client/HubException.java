package uk.gov.essex.mace.client;

import java.util.Map;

/**
 * The one unchecked exception every SDK call throws: the hub refused or could not complete the
 * call. It carries what support needs to find the request in the hub's logs and audit trail (the
 * server's request id) and what a caller needs to decide what to do (the HTTP status and the RFC
 * 9457 problem type, which is stable, unlike the human-readable title and detail).
 *
 * <p>Callers branch on the subclasses ({@link NotFoundException}, {@link ForbiddenException},
 * {@link ValidationException}, {@link ConflictException}, {@link RateLimitedException},
 * {@link AuthenticationException}, {@link HubUnavailableException}) or on {@link #problemType()};
 * never on the message text. Unchecked, as in the Azure SDK for Java and stripe-java: most callers
 * cannot recover from most failures, and checked exceptions would only be wrapped.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457 Problem Details for HTTP APIs</a>
 */
public class HubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;
    private final String title;
    private final String detail;
    private final String requestId;
    private final Map<String, String> fieldErrors;

    /**
     * @param status the HTTP status, or 0 when no response was received
     * @param problemType the problem's {@code type} URI, e.g. {@code urn:mace-hub:problem:not-found}
     * @param title the problem's short title
     * @param detail the problem's detail, safe to show a user (it never echoes case content)
     * @param requestId the hub's {@code X-Request-Id} for the failed attempt, or null
     * @param fieldErrors field name to message, for invalid requests (empty otherwise)
     * @param cause the underlying failure, or null
     */
    public HubException(int status, String problemType, String title, String detail, String requestId,
            Map<String, String> fieldErrors, Throwable cause) {
        super(message(status, problemType, detail, requestId), cause);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
        this.detail = detail;
        this.requestId = requestId;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    /** The HTTP status of the hub's answer, or 0 when there was none (connection failure). */
    public int status() {
        return status;
    }

    /** The RFC 9457 {@code type}, e.g. {@code urn:mace-hub:problem:stale-revision}; null if unknown. */
    public String problemType() {
        return problemType;
    }

    /** The last segment of {@link #problemType()} ({@code stale-revision}), or null. */
    public String problemSlug() {
        if (problemType == null) {
            return null;
        }
        int colon = problemType.lastIndexOf(':');
        return colon < 0 ? problemType : problemType.substring(colon + 1);
    }

    /** The problem's title, or null. */
    public String title() {
        return title;
    }

    /** The problem's detail, or null. */
    public String detail() {
        return detail;
    }

    /** The hub's request id for the failed attempt: quote it to the hub's support. */
    public String requestId() {
        return requestId;
    }

    /** Field name to message for an invalid request; empty when the hub named no fields. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String message(int status, String problemType, String detail, String requestId) {
        StringBuilder m = new StringBuilder();
        m.append(status == 0 ? "no response" : "HTTP " + status);
        if (problemType != null) {
            m.append(" ").append(problemType);
        }
        if (detail != null) {
            m.append(": ").append(detail);
        }
        if (requestId != null) {
            m.append(" (request id ").append(requestId).append(")");
        }
        return m.toString();
    }
}
