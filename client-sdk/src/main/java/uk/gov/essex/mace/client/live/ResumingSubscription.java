package uk.gov.essex.mace.client.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JavaType;
import uk.gov.essex.mace.client.internal.Backoff;
import uk.gov.essex.mace.client.internal.Json;
import uk.gov.essex.mace.client.internal.TokenSource;

/**
 * A subscription that survives dropped connections with no gap and no repeat. Each connection:
 * CONNECT, SUBSCRIBE (waiting briefly for the RECEIPT), then catch up over REST from the last
 * item delivered, then live MESSAGEs. Everything runs on one thread per subscription, so live
 * messages that arrive during the catch-up simply queue behind it; every item passes one
 * de-duplication by id, so the overlap between the catch-up and the live stream is delivered once.
 * Reconnection waits with full-jitter exponential back-off; a refused token is dropped first.
 *
 * @param <T> the item type
 */
public final class ResumingSubscription<T> implements LiveSubscription {

    private static final System.Logger LOG = System.getLogger(ResumingSubscription.class.getName());
    private static final int REMEMBERED_IDS = 10_000;

    /** Where and how to connect. */
    public record Endpoint(HttpClient http, URI uri, TokenSource tokens, Duration heartbeat, Duration timeout,
            ScheduledExecutorService heartbeats) {}

    private final Endpoint endpoint;
    private final String destination;
    private final JavaType type;
    private final Function<T, String> idOf;
    private final CatchUp<T> catchUp;
    private final LiveListener<T> listener;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor thread;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();

    private T lastSeen;
    private StompSession session;
    private String sessionToken;
    private int generation;
    private int failures;
    private volatile boolean closed;
    private volatile boolean live;
    private volatile int connections;

    public ResumingSubscription(Endpoint endpoint, String destination, Class<T> type, Function<T, String> idOf,
            CatchUp<T> catchUp, LiveListener<T> listener, Backoff backoff) {
        this.endpoint = endpoint;
        this.destination = destination;
        this.type = Json.MAPPER.constructType(type);
        this.idOf = idOf;
        this.catchUp = catchUp;
        this.listener = listener;
        this.backoff = backoff;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mace-hub-live " + destination);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Starts connecting in the background. */
    public ResumingSubscription<T> start() {
        thread.execute(this::connect);
        return this;
    }

    @Override
    public boolean isConnected() {
        return live;
    }

    @Override
    public int connections() {
        return connections;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        live = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread.execute(() -> {
            if (session != null) {
                session.disconnect();
            }
            done.complete(null);
        });
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        thread.shutdownNow();
    }

    private void connect() {
        if (closed) {
            return;
        }
        String token = null;
        int attempt = ++generation;
        try {
            token = endpoint.tokens().token();
            sessionToken = token;
            CompletableFuture<Void> receipt = new CompletableFuture<>();
            String receiptId = "sub-" + UUID.randomUUID();
            StompSession opened = StompSession.connect(endpoint.http(), endpoint.uri(), token, endpoint.heartbeat(),
                    endpoint.timeout(), endpoint.heartbeats(), new StompSession.Handler() {
                        @Override
                        public void onFrame(StompFrame frame) {
                            if ("RECEIPT".equals(frame.command()) && receiptId.equals(frame.header("receipt-id"))) {
                                receipt.complete(null);
                            } else if ("MESSAGE".equals(frame.command())) {
                                thread.execute(() -> message(frame));
                            }
                        }

                        @Override
                        public void onClosed(Throwable cause) {
                            thread.execute(() -> lost(attempt, cause));
                        }
                    });
            session = opened;
            opened.subscribe("0", destination, receiptId);
            try {
                receipt.get(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "no RECEIPT for SUBSCRIBE {0}; catching up anyway", destination);
            }
            for (T item : catchUp.missedSince(lastSeen)) {
                deliver(item);
            }
            if (!opened.isOpen()) {
                return; // lost during catch-up: lost() is queued and will reconnect
            }
            failures = 0;
            connections++;
            live = true;
            listener.onConnected();
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            if (cause instanceof StompRefusedException && token != null) {
                endpoint.tokens().invalidate(token);
            }
            generation++; // this attempt's own close notification is now stale
            if (session != null) {
                session.abort();
            }
            if (cause instanceof RuntimeException runtime && !(cause instanceof StompRefusedException)) {
                listener.onError(runtime);
            }
            scheduleReconnect(cause);
        }
    }

    private void message(StompFrame frame) {
        if (closed) {
            return;
        }
        T item;
        try {
            item = Json.MAPPER.readValue(frame.body(), type);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable live message on {0}: {1}", destination, e.getMessage());
            return;
        }
        deliver(item);
    }

    private void deliver(T item) {
        String id = idOf.apply(item);
        if (id == null || !seen.add(id)) {
            return;
        }
        if (seen.size() > REMEMBERED_IDS) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        lastSeen = item;
        try {
            listener.onItem(item);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "live listener failed on an item; continuing", e);
        }
    }

    private void lost(int attempt, Throwable cause) {
        if (closed || attempt != generation) {
            return;
        }
        generation++;
        boolean wasLive = live;
        live = false;
        if (cause instanceof StompRefusedException) {
            // typically an expired token: take a fresh one for the next connection
            endpoint.tokens().invalidate(sessionToken);
        }
        if (wasLive) {
            listener.onDisconnected(cause);
        }
        scheduleReconnect(cause);
    }

    private void scheduleReconnect(Throwable cause) {
        if (closed) {
            return;
        }
        long delay = backoff.delay(failures++).toMillis();
        LOG.log(System.Logger.Level.DEBUG, "live {0} lost ({1}); reconnecting in {2} ms", destination, cause, delay);
        thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** For tests: the ids remembered for de-duplication. */
    List<String> remembered() {
        return List.copyOf(seen);
    }
}
