package uk.gov.essex.mace.live;

import java.util.List;
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

    /**
     * The destinations this rule can open, as written by a client (Ant-style patterns such as
     * {@code /user/queue/cases/{caseId}} where a part varies). The security tests hold every one of
     * them against the authorisation matrix, so a rule that opens something it does not declare
     * here fails the build rather than escaping review.
     */
    default List<String> destinations() {
        return List.of();
    }
}
