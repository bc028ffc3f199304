package uk.gov.essex.mace.client.live;

/** The hub answered a STOMP frame with ERROR (bad token, refused subscription, expired session). */
public final class StompRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StompRefusedException(String message, String body) {
        super("STOMP ERROR: " + message + (body == null || body.isBlank() ? "" : " (" + body.trim() + ")"));
    }
}
