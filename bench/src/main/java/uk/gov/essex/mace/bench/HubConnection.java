package uk.gov.essex.mace.bench;

import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * What a benchmark's load generator needs of a running hub, through its public interfaces only:
 * tokens (client credentials for partner systems; the demo login with authorization code and PKCE
 * for people, as {@code scripts/dev-token} does), JSON over HTTP, and STOMP over WebSocket.
 */
final class HubConnection {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "mace-demo-2026";
    private static final String REDIRECT = "http://127.0.0.1/dev-token/callback";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebSocketStompClient stomp;

    HubConnection(String base) {
        this.base = base;
        this.stomp = new WebSocketStompClient(new StandardWebSocketClient());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler);
    }

    String base() {
        return base;
    }

    /** A reply: its status and body. */
    record Reply(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply send(String method, String token, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** POSTs and returns the JSON reply, failing on anything but 2xx. */
    JsonNode post(String token, String path, String json) throws Exception {
        Reply reply = send("POST", token, path, json);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " -> " + reply.status() + " " + reply.body());
        }
        return reply.body().isEmpty() ? null : reply.json();
    }

    /** A partner system's token (OAuth2 client credentials). */
    String clientToken(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A demo person's token through the real login form, authorization code and PKCE. */
    String userToken(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = URI.create(base + "/oauth2/authorize?response_type=code&client_id=hub-cli&scope=hub&state=b"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri=" + enc(REDIRECT));
        browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = find("name=\"_csrf\"[^>]*value=\"([^\"]+)\"", login);
        browser.send(form("/login", "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf)),
                HttpResponse.BodyHandlers.ofString());
        String location = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location").orElseThrow();
        String token = browser.send(form("/oauth2/token", "grant_type=authorization_code&client_id=hub-cli&code="
                + find("[?&]code=([^&]+)", location) + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(token).get("access_token").asString();
    }

    /**
     * A STOMP session over WebSocket, subscribed to {@code destination} (receipt awaited), handing
     * each frame's body, with its arrival time in nanoseconds, to {@code onFrame}.
     */
    StompSession subscribe(String token, String destination, FrameListener onFrame) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        StompSession session = stomp.connectAsync(base.replaceFirst("^http", "ws") + "/ws", new WebSocketHttpHeaders(),
                connect, new StompSessionHandlerAdapter() {}).get(30, TimeUnit.SECONDS);
        session.setAutoReceipt(true);
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                onFrame.frame(System.nanoTime(), new String((byte[]) payload, StandardCharsets.UTF_8));
            }
        }).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(30, TimeUnit.SECONDS);
        return session;
    }

    /** Receives live frames. */
    interface FrameListener {
        void frame(long arrivedNanos, String body);

        static FrameListener ignore() {
            return (at, body) -> { };
        }

        static FrameListener json(Consumer<JsonNode> consumer) {
            return (at, body) -> consumer.accept(JSON.readTree(body));
        }
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }
}
