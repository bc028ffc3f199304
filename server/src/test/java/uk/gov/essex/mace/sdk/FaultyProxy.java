package uk.gov.essex.mace.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of the real hub that injects the failures partner systems meet
 * in the field: a request that never arrives, one that arrives and is carried out but whose
 * answer is lost, a hub that answers 5xx, an expired token. No change to the hub: the SDK is
 * simply pointed at the proxy.
 */
final class FaultyProxy implements AutoCloseable {

    /** What to do to the next matching request. */
    enum Fault {
        /** Answer 500 without forwarding: the hub never saw it. */
        REFUSE_500,
        /** Answer 503 without forwarding. */
        REFUSE_503,
        /** Forward (the hub carries it out), then tell the caller 502: the answer is lost. */
        FORWARD_THEN_502,
        /** Forward (the hub carries it out), then close the connection without answering. */
        FORWARD_THEN_DROP,
        /** Answer 401 without forwarding, as the hub does for an expired token. */
        UNAUTHORIZED
    }

    private record Rule(String method, String pathPrefix, Fault fault) {}

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "http2-settings");

    private final HttpServer server;
    private final String target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ConcurrentLinkedQueue<Rule> rules = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    FaultyProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Applies {@code fault} once, to the next request with this method whose path starts so. */
    FaultyProxy failNext(String method, String pathPrefix, Fault fault) {
        rules.add(new Rule(method, pathPrefix, fault));
        return this;
    }

    /** How many requests with this method and exact path (no query) reached the proxy. */
    int count(String method, String path) {
        AtomicInteger n = counts.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    /** Every Idempotency-Key seen, in order. */
    List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeys);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            counts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key != null) {
                idempotencyKeys.add(key);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = takeFault(method, path);
            if (fault == Fault.REFUSE_500 || fault == Fault.REFUSE_503 || fault == Fault.UNAUTHORIZED) {
                int status = fault == Fault.REFUSE_500 ? 500 : fault == Fault.REFUSE_503 ? 503 : 401;
                answer(exchange, status, "{\"type\":\"urn:mace-hub:problem:injected\",\"status\":" + status + "}");
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, method, body);
            if (fault == Fault.FORWARD_THEN_DROP) {
                return; // closing the exchange without a response drops the connection
            }
            if (fault == Fault.FORWARD_THEN_502) {
                answer(exchange, 502, "{\"type\":\"urn:mace-hub:problem:injected\",\"status\":502}");
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String method, byte[] body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private synchronized Fault takeFault(String method, String path) {
        for (Rule rule : rules) {
            if (rule.method().equals(method) && path.startsWith(rule.pathPrefix())) {
                rules.remove(rule);
                return rule.fault();
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, int status, String problem) throws IOException {
        byte[] bytes = problem.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
