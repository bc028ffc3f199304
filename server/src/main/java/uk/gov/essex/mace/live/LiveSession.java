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
    /** How many of the subscriptions name each destination; changed under this session's monitor. */
    private final Map<String, Integer> destinations = new ConcurrentHashMap<>();
    /** Told when the session starts and stops listening to a destination. */
    private final Listeners listeners;
    /** Set once the socket has closed; guarded by this session's monitor. */
    private boolean closed;

    /** The index of sessions by destination that the fan-out reads. */
    interface Listeners {
        void started(String destination, LiveSession session);

        void stopped(String destination, LiveSession session);
    }

    LiveSession(String id, WebSocketSession socket, Listeners listeners) {
        this.id = id;
        this.socket = socket;
        this.listeners = listeners;
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
        if (destinations.merge(destination, 1, Integer::sum) == 1 && !closed) {
            listeners.started(destination, this);
        }
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

    /** The socket closed: the session stops listening to everything, and never starts again. */
    synchronized void close() {
        closed = true;
        destinations.keySet().forEach(destination -> listeners.stopped(destination, this));
    }

    private void forget(String destination) {
        if (destination != null && destinations.computeIfPresent(destination, (d, n) -> n == 1 ? null : n - 1) == null) {
            listeners.stopped(destination, this);
        }
    }
}
