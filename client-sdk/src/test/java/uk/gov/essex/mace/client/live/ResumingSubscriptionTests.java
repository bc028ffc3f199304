package uk.gov.essex.mace.client.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.internal.Backoff;
import uk.gov.essex.mace.client.internal.TokenSource;

/**
 * The reconnecting subscription against a stub STOMP broker on a real WebSocket: dropped
 * connections, refused tokens and silent peers end in reconnection and a catch-up, and the
 * listener sees every item once, in order.
 */
class ResumingSubscriptionTests {

    record Item(String id, int n) {}

    private StubStompBroker broker;
    private ScheduledExecutorService heartbeats;
    private final List<Item> published = new CopyOnWriteArrayList<>();
    private final List<Item> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenNumber = new AtomicInteger();
    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private ResumingSubscription<Item> subscription;

    @BeforeEach
    void start() throws Exception {
        broker = new StubStompBroker();
        heartbeats = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        broker.close();
        heartbeats.shutdownNow();
    }

    private ResumingSubscription<Item> subscribe(Duration heartbeat) {
        TokenSource tokens = new TokenSource() {
            @Override
            public String token() {
                return "token-" + tokenNumber.get();
            }

            @Override
            public void invalidate(String token) {
                invalidated.add(token);
                tokenNumber.incrementAndGet();
            }
        };
        CatchUp<Item> catchUp = lastSeen -> {
            List<Item> missed = new ArrayList<>();
            for (Item i : published) {
                // deliberately overlapping: includes the last item seen, which must not repeat
                if (lastSeen == null || i.n() >= lastSeen.n()) {
                    missed.add(i);
                }
            }
            return missed;
        };
        subscription = new ResumingSubscription<>(new ResumingSubscription.Endpoint(HttpClient.newHttpClient(),
                URI.create(broker.uri()), tokens, heartbeat, Duration.ofSeconds(2), heartbeats),
                "/user/queue/items", Item.class, Item::id, catchUp, delivered::add,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50))).start();
        return subscription;
    }

    private void publishLive(int n) {
        Item item = new Item("i" + n, n);
        published.add(item);
        broker.publish("{\"id\":\"" + item.id() + "\",\"n\":" + n + ",\"futureField\":true}");
    }

    private void publishWhileDisconnected(int n) {
        published.add(new Item("i" + n, n));
    }

    @Test
    void subscribeWhenConnectedThenConnectCarriesBearerTokenAndSubscribeAsksReceipt() throws Exception {
        subscribe(Duration.ZERO);
        await(() -> subscription.isConnected());
        StompFrame connect = broker.received.get(0);
        assertThat(connect.command()).isEqualTo("CONNECT");
        assertThat(connect.header("accept-version")).isEqualTo("1.2");
        assertThat(connect.header("Authorization")).isEqualTo("Bearer token-0");
        StompFrame subscribe = broker.received.get(1);
        assertThat(subscribe.command()).isEqualTo("SUBSCRIBE");
        assertThat(subscribe.header("destination")).isEqualTo("/user/queue/items");
        assertThat(subscribe.header("receipt")).isNotBlank();
    }

    @Test
    void liveWhenConnectionDroppedThenReconnectsAndCatchesUpWithNoGapOrRepeat() throws Exception {
        subscribe(Duration.ZERO);
        await(() -> subscription.isConnected());
        publishLive(1);
        publishLive(2);
        publishLive(3);
        await(() -> delivered.size() == 3);

        broker.dropAll();
        await(() -> !subscription.isConnected());
        publishWhileDisconnected(4);
        publishWhileDisconnected(5);
        await(() -> subscription.isConnected() && subscription.connections() == 2);
        publishLive(6);
        broker.publish("{\"id\":\"i5\",\"n\":5}"); // a late live duplicate of a caught-up item
        publishLive(7);
        await(() -> delivered.size() >= 7);
        Thread.sleep(100);

        assertThat(delivered).extracting(Item::n).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void connectWhenTokenRefusedThenDropsItAndReconnectsWithFreshOne() throws Exception {
        broker.refusedTokens.add("token-0");
        subscribe(Duration.ZERO);
        await(() -> subscription.isConnected());
        assertThat(invalidated).contains("token-0");
        assertThat(broker.received.stream().filter(f -> f.command().equals("CONNECT")).map(f -> f.header("Authorization")))
                .containsSubsequence("Bearer token-0", "Bearer token-1");
    }

    @Test
    void liveWhenHubFallsSilentBeyondHeartbeatThenConnectionReplaced() throws Exception {
        broker.heartbeat = "100,0"; // promises a heart-beat every 100 ms, then never sends one
        subscribe(Duration.ofMillis(100));
        await(() -> subscription.connections() >= 2);
    }

    @Test
    void closeWhenCalledThenDisconnectsAndStopsReconnecting() throws Exception {
        subscribe(Duration.ZERO);
        await(() -> subscription.isConnected());
        subscription.close();
        await(() -> broker.received.stream().anyMatch(f -> f.command().equals("DISCONNECT")));
        int connects = (int) broker.received.stream().filter(f -> f.command().equals("CONNECT")).count();
        Thread.sleep(200);
        assertThat(broker.received.stream().filter(f -> f.command().equals("CONNECT")).count()).isEqualTo(connects);
        assertThat(subscription.isConnected()).isFalse();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
