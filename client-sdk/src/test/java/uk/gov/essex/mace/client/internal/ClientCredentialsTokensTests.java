package uk.gov.essex.mace.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.internal.StubHub.Answer;

class ClientCredentialsTokensTests {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private StubHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private ClientCredentialsTokens tokens() {
        return new ClientCredentialsTokens(HttpClient.newHttpClient(), URI.create(hub.url() + "/oauth2/token"), "police-rms",
                new Secret("s3cret"), "hub", clock, Duration.ofSeconds(60), Duration.ofSeconds(5),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)), 2, d -> {});
    }

    private static Answer token(String value, int expiresIn) {
        return Answer.json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    @Test
    void tokenWhenFetchedThenBasicAuthAndClientCredentialsGrant() throws Exception {
        hub = new StubHub(token("a", 900));
        assertThat(tokens().token()).isEqualTo("a");
        StubHub.Seen seen = hub.seen.get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("grant_type=client_credentials&scope=hub");
        assertThat(seen.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("police-rms:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tokenWhenCachedThenReusedUntilSixtySecondsBeforeExpiry() throws Exception {
        hub = new StubHub(token("a", 900), token("b", 900));
        ClientCredentialsTokens tokens = tokens();
        assertThat(tokens.token()).isEqualTo("a");
        clock.now = clock.now.plusSeconds(839);
        assertThat(tokens.token()).isEqualTo("a");
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.token()).isEqualTo("b");
        assertThat(tokens.fetches()).isEqualTo(2);
    }

    @Test
    void tokenWhenShortLivedThenRefreshedAtHalfLifeNotEveryCall() throws Exception {
        hub = new StubHub(token("a", 30), token("b", 30));
        ClientCredentialsTokens tokens = tokens();
        tokens.token();
        clock.now = clock.now.plusSeconds(14);
        assertThat(tokens.token()).isEqualTo("a");
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.token()).isEqualTo("b");
    }

    @Test
    void invalidateWhenRefusedTokenIsCurrentThenNextCallFetches() throws Exception {
        hub = new StubHub(token("a", 900), token("b", 900));
        ClientCredentialsTokens tokens = tokens();
        tokens.token();
        tokens.invalidate("someone-elses-old-token");
        assertThat(tokens.token()).isEqualTo("a");
        tokens.invalidate("a");
        assertThat(tokens.token()).isEqualTo("b");
    }

    @Test
    void tokenWhenManyThreadsAskAtOnceThenOneFetch() throws Exception {
        hub = new StubHub(token("a", 900));
        ClientCredentialsTokens tokens = tokens();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                all.add(pool.submit(tokens::token));
            }
            for (Future<String> f : all) {
                assertThat(f.get()).isEqualTo("a");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hub.seen).hasSize(1);
    }

    @Test
    void tokenWhenClientRefusedThenAuthenticationExceptionWithOAuthError() throws Exception {
        hub = new StubHub(Answer.json(401, "{\"error\":\"invalid_client\"}"));
        assertThatThrownBy(() -> tokens().token()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.problemType()).isEqualTo("urn:ietf:params:oauth:error:invalid_client");
        });
        assertThat(hub.seen).hasSize(1);
    }

    @Test
    void tokenWhenTokenEndpointFailsOnceThenRetried() throws Exception {
        hub = new StubHub(Answer.json(503, "{}"), token("a", 900));
        assertThat(tokens().token()).isEqualTo("a");
    }

    @Test
    void secretWhenPrintedThenRedacted() {
        assertThat(new Secret("s3cret")).hasToString("[REDACTED]");
    }
}
