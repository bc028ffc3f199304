package uk.gov.essex.mace.client.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One STOMP 1.2 connection over one WebSocket: CONNECT with the bearer token in the headers,
 * SUBSCRIBE, MESSAGE dispatch, heart-beats both ways, DISCONNECT. It never reconnects: that is
 * {@link ResumingSubscription}'s job, which makes a new session each time.
 *
 * <p>Heart-beats: the session offers {@code heartbeat} both ways; the negotiated send interval is
 * honoured with bare EOLs, and a server silent for three of its promised intervals counts as a
 * dead connection (a NAT or a proxy can leave a TCP connection looking open for hours).
 */
public final class StompSession {

    /** What the session tells its owner. Called on the WebSocket's thread, one at a time. */
    public interface Handler {
        void onFrame(StompFrame frame);

        void onClosed(Throwable cause);
    }

    private final WebSocket socket;
    private final StompDecoder decoder = new StompDecoder();
    private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Handler handler;
    private volatile long lastReceived = System.nanoTime();
    private volatile ScheduledFuture<?> beats;

    private StompSession(WebSocket socket) {
        this.socket = socket;
    }

    /**
     * Opens the WebSocket, sends CONNECT (with {@code Authorization: Bearer token}) and waits for
     * CONNECTED. Fails with the server's ERROR message when it refuses.
     */
    public static StompSession connect(HttpClient http, URI uri, String token, Duration heartbeat,
            Duration timeout, ScheduledExecutorService scheduler, Handler handler) throws Exception {
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, listener)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        StompSession session = new StompSession(socket);
        listener.session = session;
        session.handler = handler;
        session.send(StompFrame.of("CONNECT", "accept-version", "1.2", "host", uri.getHost(),
                "heart-beat", heartbeat.toMillis() + "," + heartbeat.toMillis(), "Authorization", "Bearer " + token));
        StompFrame frame;
        try {
            frame = session.connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            session.abort();
            throw e;
        }
        session.startHeartbeats(frame.header("heart-beat"), heartbeat, scheduler);
        return session;
    }

    /** SUBSCRIBE to {@code destination} as subscription {@code id}, asking for a RECEIPT. */
    public void subscribe(String id, String destination, String receipt) {
        send(StompFrame.of("SUBSCRIBE", "id", id, "destination", destination, "ack", "auto", "receipt", receipt));
    }

    /** Sends DISCONNECT and closes the socket. */
    public void disconnect() {
        if (closed.compareAndSet(false, true)) {
            stopHeartbeats();
            try {
                send(StompFrame.of("DISCONNECT"));
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    /** Drops the connection at once (for a dead peer). */
    public void abort() {
        if (closed.compareAndSet(false, true)) {
            stopHeartbeats();
            socket.abort();
        }
    }

    public boolean isOpen() {
        return !closed.get() && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    void send(StompFrame frame) {
        sendText(frame.encodeText());
    }

    private void sendText(String text) {
        synchronized (sendLock) {
            // java.net.http.WebSocket allows one outstanding send at a time
            socket.sendText(text, true).join();
        }
    }

    private void startHeartbeats(String serverHeartbeat, Duration ours, ScheduledExecutorService scheduler) {
        long serverSends = 0;
        long serverWants = 0;
        if (serverHeartbeat != null && serverHeartbeat.contains(",")) {
            String[] parts = serverHeartbeat.split(",");
            serverSends = Long.parseLong(parts[0].trim());
            serverWants = Long.parseLong(parts[1].trim());
        }
        long sendEvery = serverWants == 0 || ours.isZero() ? 0 : Math.max(serverWants, ours.toMillis());
        long expectEvery = serverSends == 0 || ours.isZero() ? 0 : Math.max(serverSends, ours.toMillis());
        if (sendEvery == 0 && expectEvery == 0) {
            return;
        }
        long tick = Math.min(sendEvery == 0 ? Long.MAX_VALUE : sendEvery, expectEvery == 0 ? Long.MAX_VALUE : expectEvery);
        long expect = expectEvery;
        beats = scheduler.scheduleAtFixedRate(() -> {
            try {
                if (expect > 0 && System.nanoTime() - lastReceived > TimeUnit.MILLISECONDS.toNanos(expect * 3)) {
                    failed(new java.io.IOException("no heart-beat from the hub for " + expect * 3 + " ms"));
                    return;
                }
                if (sendEvery > 0 && isOpen()) {
                    sendText("\n");
                }
            } catch (RuntimeException e) {
                failed(e);
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeats() {
        ScheduledFuture<?> b = beats;
        if (b != null) {
            b.cancel(false);
        }
    }

    private void received(CharSequence text) {
        lastReceived = System.nanoTime();
        List<StompFrame> frames;
        try {
            frames = decoder.feed(text);
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        for (StompFrame frame : frames) {
            switch (frame.command()) {
                case "CONNECTED" -> connected.complete(frame);
                case "ERROR" -> {
                    StompRefusedException refused = new StompRefusedException(frame.header("message"), frame.body());
                    connected.completeExceptionally(refused);
                    failed(refused);
                }
                default -> handler.onFrame(frame);
            }
        }
    }

    private void failed(Throwable cause) {
        boolean first = closed.compareAndSet(false, true);
        stopHeartbeats();
        connected.completeExceptionally(cause);
        if (first) {
            socket.abort();
            handler.onClosed(cause);
        }
    }

    /** Collects partial text messages; requests the next message only after handling one. */
    private static final class Listener implements WebSocket.Listener {
        volatile StompSession session;
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                session.received(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return onText(webSocket, new String(bytes, StandardCharsets.UTF_8), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            session.failed(new java.io.IOException("WebSocket closed by the hub: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            session.failed(error);
        }
    }
}
