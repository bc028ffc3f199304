package uk.gov.essex.mace.live;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.WebSocketSession;
import uk.gov.essex.mace.identity.HubAuthentication;

/** One WebSocket connection: its socket, once CONNECTed its authentication, and its subscriptions. */
final class LiveSession {

    private final String id;
    private final WebSocketSession socket;
    private volatile HubAuthentication authentication;
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();

    LiveSession(String id, WebSocketSession socket) {
        this.id = id;
        this.socket = socket;
    }

    String id() {
        return id;
    }

    WebSocketSession socket() {
        return socket;
    }

    HubAuthentication authentication() {
        return authentication;
    }

    void authenticated(HubAuthentication authentication) {
        this.authentication = authentication;
    }

    boolean expired(Instant now) {
        HubAuthentication auth = authentication;
        return auth != null && !auth.expiresAt().isAfter(now);
    }

    void subscribe(String subscriptionId, String destination) {
        subscriptions.put(subscriptionId, destination);
    }

    void unsubscribe(String subscriptionId) {
        subscriptions.remove(subscriptionId);
    }

    int subscriptionCount() {
        return subscriptions.size();
    }

    boolean subscribedTo(String destination) {
        return subscriptions.containsValue(destination);
    }
}
