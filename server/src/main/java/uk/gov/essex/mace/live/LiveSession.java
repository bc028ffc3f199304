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
    /** Subscription id to destination; changed under this session's monitor, with {@link #destinations}. */
    private final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    /**
     * How many of the subscriptions name each destination, so that asking whether the session
     * listens to one is a lookup: the fan-out asks it of every open session for every item.
     */
    private final Map<String, Integer> destinations = new ConcurrentHashMap<>();

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

    synchronized void subscribe(String subscriptionId, String destination) {
        forget(subscriptions.put(subscriptionId, destination));
        destinations.merge(destination, 1, Integer::sum);
    }

    synchronized void unsubscribe(String subscriptionId) {
        forget(subscriptions.remove(subscriptionId));
    }

    synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    boolean subscribedTo(String destination) {
        return destinations.containsKey(destination);
    }

    private void forget(String destination) {
        if (destination != null) {
            destinations.computeIfPresent(destination, (d, n) -> n == 1 ? null : n - 1);
        }
    }
}
