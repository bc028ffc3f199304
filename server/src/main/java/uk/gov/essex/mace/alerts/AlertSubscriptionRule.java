package uk.gov.essex.mace.alerts;

import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.live.SubscriptionRule;

/**
 * Any signed-in session may subscribe to its own alert queue: Spring scopes {@code /user/queue/alerts}
 * to the session's user, and what is put on it is chosen per principal by the policy decision point.
 */
@Component
class AlertSubscriptionRule implements SubscriptionRule {

    static final String DESTINATION = "/user" + AlertDelivery.QUEUE;

    @Override
    public boolean permits(HubPrincipal who, String destination) {
        return DESTINATION.equals(destination);
    }

    @Override
    public java.util.List<String> destinations() {
        return java.util.List.of(DESTINATION);
    }
}
