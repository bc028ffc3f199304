package uk.gov.essex.mace.live;

import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Opens a STOMP destination for subscription. Every SUBSCRIBE is refused unless some rule permits
 * it, so a destination no feature has thought about can never be listened to.
 */
public interface SubscriptionRule {

    /**
     * Whether {@code who} may subscribe to {@code destination} as sent by the client (for a user
     * queue, the {@code /user/queue/...} form, which Spring scopes to the session's own user).
     */
    boolean permits(HubPrincipal who, String destination);
}
