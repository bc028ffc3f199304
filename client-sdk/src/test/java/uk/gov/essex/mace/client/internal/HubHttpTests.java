package uk.gov.essex.mace.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.ConflictException;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.HubUnavailableException;
import uk.gov.essex.mace.client.IdempotencyKeyReusedException;
import uk.gov.essex.mace.client.NotFoundException;
import uk.gov.essex.mace.client.RateLimitedException;
import uk.gov.essex.mace.client.StaleRevisionException;
import uk.gov.essex.mace.client.ValidationException;
import uk.gov.essex.mace.client.internal.StubHub.Answer;

class HubHttpTests {

    record Thing(String id, int n) {}

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private StubHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private HubHttp http(int maxRetries, TokenSource tokens) {
        return new HubHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), URI.create(hub.url()),
                tokens, Duration.ofSeconds(5), maxRetries, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 0.5),
                Duration.ofSeconds(30), waits::add);
    }

    private HubHttp http(int maxRetries) {
        return http(maxRetries, new SuppliedTokens(() -> "tok"));
    }

    @Test
    void sendWhenOkThenReadsJsonIgnoringUnknownFields() throws Exception {
        hub = new StubHub(Answer.json(200, "{\"id\":\"a\",\"n\":3,\"addedLater\":{\"x\":1}}"));
        Thing t = http(0).send(HubRequest.get("/api/things/a", Thing.class));
        assertThat(t).isEqualTo(new Thing("a", 3));
        assertThat(hub.seen.get(0).header("Authorization")).isEqualTo("Bearer tok");
        assertThat(hub.seen.get(0).header("Accept")).contains("application/problem+json");
    }

    @Test
    void sendWhenPostThenJsonBodyWithoutNullsAndIdempotencyKey() throws Exception {
        hub = new StubHub(Answer.json(201, "{\"id\":\"a\",\"n\":1}"));
        http(0).send(HubRequest.post("/api/things", new Thing(null, 1), Thing.class, Retry.SAFE, "key-1"));
        assertThat(hub.seen.get(0).body()).isEqualTo("{\"n\":1}");
        assertThat(hub.seen.get(0).header("Idempotency-Key")).isEqualTo("key-1");
        assertThat(hub.seen.get(0).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void sendWhen5xxThenRetriesWithBackoffAndSameIdempotencyKey() throws Exception {
        hub = new StubHub(Answer.problem(500, "internal-error", ""), Answer.problem(502, "bad-gateway", ""),
                Answer.json(201, "{\"id\":\"a\",\"n\":1}"));
        Thing t = http(3).send(HubRequest.post("/api/things", new Thing(null, 1), Thing.class, Retry.SAFE, "key-9"));
        assertThat(t.id()).isEqualTo("a");
        assertThat(hub.seen).hasSize(3).allSatisfy(s -> assertThat(s.header("Idempotency-Key")).isEqualTo("key-9"));
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void sendWhenConnectionDroppedThenRetried() throws Exception {
        hub = new StubHub(Answer.drop(), Answer.json(200, "{\"id\":\"a\",\"n\":1}"));
        assertThat(http(2).send(HubRequest.get("/api/things/a", Thing.class)).id()).isEqualTo("a");
        assertThat(hub.seen).hasSize(2);
    }

    @Test
    void sendWhenHubDownThroughEveryRetryThenUnavailableWithCause() throws Exception {
        hub = new StubHub(Answer.json(200, "{}"));
        String url = hub.url();
        hub.close();
        HubHttp http = new HubHttp(HttpClient.newHttpClient(), URI.create(url), new SuppliedTokens(() -> "t"),
                Duration.ofSeconds(2), 2, new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(1), waits::add);
        hub = null;
        assertThatThrownBy(() -> http.send(HubRequest.get("/api/x", Thing.class)))
                .isInstanceOfSatisfying(HubUnavailableException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getCause()).isNotNull();
                    assertThat(e.detail()).contains("3 attempt(s)");
                });
        assertThat(waits).hasSize(2);
    }

    @Test
    void sendWhenUnsafePostAnswered500ThenNotRetried() throws Exception {
        hub = new StubHub(Answer.problem(500, "internal-error", ""), Answer.json(201, "{}"));
        assertThatThrownBy(() -> http(3).send(HubRequest.post("/api/cases", new Thing("x", 1), Thing.class,
                Retry.ONLY_IF_NOT_PROCESSED, "k"))).isInstanceOf(HubException.class).extracting("status").isEqualTo(500);
        assertThat(hub.seen).hasSize(1);
    }

    @Test
    void sendWhenUnsafePostAnswered503ThenRetried() throws Exception {
        hub = new StubHub(Answer.problem(503, "audit-unavailable", ""), Answer.json(201, "{\"id\":\"c\",\"n\":0}"));
        assertThat(http(3).send(HubRequest.post("/api/cases", new Thing("x", 1), Thing.class,
                Retry.ONLY_IF_NOT_PROCESSED, "k")).id()).isEqualTo("c");
    }

    @Test
    void sendWhen429WithRetryAfterThenWaitsThatLong() throws Exception {
        hub = new StubHub(Answer.problem(429, "rate-limited", "").with("Retry-After", "7"), Answer.json(200, "{\"id\":\"a\",\"n\":1}"));
        http(3).send(HubRequest.get("/api/x", Thing.class));
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void sendWhen429BeyondMaxRetryAfterThenRateLimitedAtOnce() throws Exception {
        hub = new StubHub(Answer.problem(429, "rate-limited", "").with("Retry-After", "120"));
        assertThatThrownBy(() -> http(3).send(HubRequest.get("/api/x", Thing.class)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(hub.seen).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void sendWhen401ThenInvalidatesTokenAndRetriesOnceWithFreshOne() throws Exception {
        hub = new StubHub(Answer.problem(401, "unauthorized", ""), Answer.json(200, "{\"id\":\"a\",\"n\":1}"));
        AtomicInteger issued = new AtomicInteger();
        List<String> invalidated = new CopyOnWriteArrayList<>();
        TokenSource tokens = new TokenSource() {
            @Override
            public String token() {
                return "t" + issued.get();
            }

            @Override
            public void invalidate(String token) {
                invalidated.add(token);
                issued.incrementAndGet();
            }
        };
        assertThat(http(0, tokens).send(HubRequest.get("/api/x", Thing.class)).id()).isEqualTo("a");
        assertThat(invalidated).containsExactly("t0");
        assertThat(hub.seen.get(1).header("Authorization")).isEqualTo("Bearer t1");
    }

    @Test
    void sendWhen401TwiceThenAuthenticationException() throws Exception {
        hub = new StubHub(Answer.problem(401, "unauthorized", ""));
        assertThatThrownBy(() -> http(3).send(HubRequest.get("/api/x", Thing.class)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(hub.seen).hasSize(2);
    }

    @Test
    void sendWhenProblemThenExceptionCarriesStatusTypeRequestIdAndFields() throws Exception {
        hub = new StubHub(Answer.problem(400, "validation", ",\"errors\":{\"childName\":\"must not be blank\"}"));
        assertThatThrownBy(() -> http(0).send(HubRequest.get("/api/x", Thing.class)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problemType()).isEqualTo("urn:mace-hub:problem:validation");
                    assertThat(e.problemSlug()).isEqualTo("validation");
                    assertThat(e.requestId()).isEqualTo("rid-400");
                    assertThat(e.fieldErrors()).containsEntry("childName", "must not be blank");
                    assertThat(e.getMessage()).contains("HTTP 400", "rid-400");
                });
    }

    @Test
    void sendWhenStatusesThenTheSubclassCallersBranchOn() throws Exception {
        Map<Answer, Class<? extends HubException>> cases = Map.of(
                Answer.problem(403, "forbidden", ""), ForbiddenException.class,
                Answer.problem(404, "not-found", ""), NotFoundException.class,
                Answer.problem(409, "stale-revision", ""), StaleRevisionException.class,
                Answer.problem(409, "idempotency-key-reused", ""), IdempotencyKeyReusedException.class,
                Answer.problem(409, "something-else", ""), ConflictException.class,
                Answer.problem(413, "payload-too-large", ""), HubException.class,
                new Answer(503, "text/html", "<html>down</html>", Map.of()), HubUnavailableException.class);
        for (Map.Entry<Answer, Class<? extends HubException>> c : cases.entrySet()) {
            hub = new StubHub(c.getKey());
            assertThatThrownBy(() -> http(0).send(HubRequest.get("/api/x", Thing.class)))
                    .as(c.getKey().toString()).isExactlyInstanceOf(c.getValue());
            hub.close();
        }
        hub = null;
    }

    @Test
    void segmentWhenIdHasReservedCharactersThenEncoded() {
        assertThat(HubRequest.segment("a b/c?")).isEqualTo("a%20b%2Fc%3F");
        assertThatThrownBy(() -> HubRequest.segment("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HubRequest.query("/p", HubRequest.params("a", 1, "b", null, "c", "x y"))).isEqualTo("/p?a=1&c=x+y");
    }
}
