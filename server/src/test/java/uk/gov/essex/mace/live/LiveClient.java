package uk.gov.essex.mace.live;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real STOMP-over-WebSocket client for tests ({@link WebSocketStompClient} with the standard
 * JSR-356 client): the bearer token goes in the CONNECT frame, as a browser's would.
 */
public final class LiveClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketStompClient client;
    private final StompSession session;
    private final Handler handler;

    private LiveClient(WebSocketStompClient client, StompSession session, Handler handler) {
        this.client = client;
        this.session = session;
        this.handler = handler;
    }

    /** Connects; throws when the hub refuses the handshake or the CONNECT frame. */
    public static LiveClient connect(String baseUrl, String token) throws Exception {
        return connect(baseUrl, token, null);
    }

    public static LiveClient connect(String baseUrl, String token, String origin) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();
        receipts.setThreadNamePrefix("live-client-");
        receipts.initialize();
        client.setTaskScheduler(receipts);
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        if (origin != null) {
            handshake.setOrigin(origin);
        }
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        Handler handler = new Handler();
        String url = baseUrl.replaceFirst("^http", "ws") + "/ws";
        try {
            StompSession session = client.connectAsync(url, handshake, connect, handler).get(5, TimeUnit.SECONDS);
            return new LiveClient(client, session, handler);
        } catch (Exception e) {
            client.stop();
            receipts.shutdown();
            throw e;
        }
    }

    /**
     * Subscribes and waits (up to 2 s) for the hub's receipt, so a message sent afterwards is not
     * missed; true if the receipt came.
     */
    public boolean subscribe(String destination) throws InterruptedException {
        session.setAutoReceipt(true);
        CountDownLatch receipted = new CountDownLatch(1);
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                handler.received.add(JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        subscription.addReceiptTask(receipted::countDown);
        return receipted.await(2, TimeUnit.SECONDS);
    }

    public void send(String destination, String body) {
        session.send(destination, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message that matches, waiting at most {@code timeout}; null if none came. */
    public JsonNode next(Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonNode message = handler.received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && matching.test(message)) {
                return message;
            }
        }
        return null;
    }

    /** Every message received within {@code wait}. */
    public List<JsonNode> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<JsonNode> all = new ArrayList<>();
        handler.received.drainTo(all);
        return all;
    }

    /** Completes when the hub ends the session (ERROR frame or closed transport). */
    public CompletableFuture<String> ended() {
        return handler.ended;
    }

    public boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (MessageDeliveryException e) {
            // the hub ended the session (an ERROR frame, then it closes the socket) and the client
            // had not yet seen the close: there is nothing left to disconnect from
            if (!handler.ended.isDone()) {
                throw e;
            }
        } finally {
            client.stop();
            if (client.getTaskScheduler() instanceof ThreadPoolTaskScheduler scheduler) {
                scheduler.shutdown();
            }
        }
    }

    private static final class Handler extends StompSessionHandlerAdapter {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                Throwable e) {
            ended.complete("exception: " + e.getMessage());
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            ended.complete("error: " + headers.getFirst("message"));
        }

        @Override
        public void handleTransportError(StompSession s, Throwable e) {
            ended.complete("transport: " + e.getClass().getSimpleName());
        }
    }
}
