package uk.gov.essex.mace.client.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A STOMP 1.2 broker stand-in on {@link TinyWebSocketServer}: CONNECT, SUBSCRIBE with RECEIPT, MESSAGE. */
final class StubStompBroker implements AutoCloseable {

    final TinyWebSocketServer server;
    final List<StompFrame> received = new CopyOnWriteArrayList<>();
    final Set<String> refusedTokens = ConcurrentHashMap.newKeySet();
    final Map<TinyWebSocketServer.Connection, String> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    volatile String heartbeat = "0,0";

    StubStompBroker() throws IOException {
        server = new TinyWebSocketServer(this::onText);
    }

    private void onText(TinyWebSocketServer.Connection c, String text) {
        StompDecoder decoder = new StompDecoder();
        for (StompFrame frame : decoder.feed(text)) {
            received.add(frame);
            switch (frame.command()) {
                case "CONNECT" -> {
                    String auth = frame.header("Authorization");
                    if (auth == null || refusedTokens.contains(auth.substring("Bearer ".length()))) {
                        c.sendText(StompFrame.of("ERROR", "message", "refused: invalid-token").encodeText());
                        c.drop();
                    } else {
                        c.sendText(StompFrame.of("CONNECTED", "version", "1.2", "heart-beat", heartbeat).encodeText());
                    }
                }
                case "SUBSCRIBE" -> {
                    subscriptions.put(c, frame.header("id") + "|" + frame.header("destination"));
                    if (frame.header("receipt") != null) {
                        c.sendText(StompFrame.of("RECEIPT", "receipt-id", frame.header("receipt")).encodeText());
                    }
                }
                default -> { }
            }
        }
    }

    /** Sends a MESSAGE with a JSON body to every open subscription. */
    void publish(String json) {
        subscriptions.forEach((c, sub) -> {
            if (c.isOpen()) {
                String[] parts = sub.split("\\|", 2);
                c.sendText(new StompFrame("MESSAGE", Map.of("subscription", parts[0], "destination", parts[1],
                        "message-id", "m" + messageIds.incrementAndGet(), "content-type", "application/json"), json)
                        .encodeText());
            }
        });
    }

    /** Cuts every open connection. */
    void dropAll() {
        subscriptions.keySet().forEach(TinyWebSocketServer.Connection::drop);
        subscriptions.clear();
    }

    String uri() {
        return server.uri("/ws");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
