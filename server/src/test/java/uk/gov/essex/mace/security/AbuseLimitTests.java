package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.live.LiveProperties;
import uk.gov.essex.mace.ratelimit.LimitProperties;
import uk.gov.essex.mace.ratelimit.Rate;
import uk.gov.essex.mace.ratelimit.RateLimits;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Abuse limits: writes per person and per partner system, the token endpoint per client and per
 * address, sign-in per address, the lockout with back-off of a name guessed at from one address,
 * and the live channel's frame size and subscriptions per session. Each test tightens the limits
 * of the running hub for itself (no extra application context) and puts them back after.
 */
class AbuseLimitTests extends HubIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String FIND = "{\"childName\":\"Nobody Here\",\"dateOfBirth\":\"2012-01-01\"}";

    @Autowired
    RateLimits limits;

    @Autowired
    LiveProperties live;

    private LimitProperties defaults;

    @BeforeEach
    void remember() {
        defaults = limits.settings();
    }

    @AfterEach
    void restore() {
        limits.apply(defaults);
    }

    private void tighten(String writesPerUser, String writesPerClient, String tokenPerClient, String loginPerAddress,
            int lockoutThreshold, Duration lockoutBase) {
        limits.apply(new LimitProperties(true, Rate.parse(loginPerAddress), defaults.tokenPerAddress(),
                Rate.parse(tokenPerClient), Rate.parse(writesPerUser), Rate.parse(writesPerClient), lockoutThreshold,
                lockoutBase, Duration.ofMinutes(1), Duration.ofHours(1)));
    }

    @Test
    void defaultsAreGenerousEnoughForABusyPartnership() {
        assertThat(perMinute(defaults.writesPerUser())).isGreaterThanOrEqualTo(600);
        assertThat(perMinute(defaults.writesPerClient())).isGreaterThanOrEqualTo(3000);
        assertThat(perMinute(defaults.loginPerAddress())).isGreaterThanOrEqualTo(100);
        assertThat(defaults.lockoutThreshold()).isBetween(3, 10);
    }

    @Test
    void writesOverAPersonsLimitGet429WithRetryAfterAndTheFirstIsAudited() {
        tighten("3/1m", "1000/1m", "1000/1m", "1000/1m", 5, Duration.ofMinutes(1));
        String police = token("police.north");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(police, "/api/cases/find", FIND).status()).isEqualTo(200);
        }
        long audited = count("rate.limited");

        HubApi.Reply refused = api.post(police, "/api/cases/find", FIND);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.post(police, "/api/cases/find", FIND).status()).isEqualTo(429);
        assertThat(count("rate.limited")).as("one audit entry per run of refusals").isEqualTo(audited + 1);
        // Per person: another person, and reads, are not held back.
        assertThat(api.post(token("csc.north"), "/api/cases/find", FIND).status()).isEqualTo(200);
        assertThat(api.get(police, "/api/cases").status()).isEqualTo(200);
        // Not signed in is still 401, not 429.
        assertThat(api.post(null, "/api/cases/find", FIND).status()).isEqualTo(401);
    }

    @Test
    void aPartnerSystemHasItsOwnWriteLimit() {
        tighten("1000/1m", "2/1m", "1000/1m", "1000/1m", 5, Duration.ofMinutes(1));
        String rms = tokens.client("police-rms");

        assertThat(api.post(rms, "/api/cases/find", FIND).status()).isEqualTo(200);
        assertThat(api.post(rms, "/api/cases/find", FIND).status()).isEqualTo(200);
        assertThat(api.post(rms, "/api/cases/find", FIND).status()).isEqualTo(429);
        assertThat(api.post(token("police.north"), "/api/cases/find", FIND).status()).isEqualTo(200);
    }

    @Test
    void tokenRequestsOverAClientsLimitGet429() throws Exception {
        tighten("1000/1m", "1000/1m", "2/1m", "1000/1m", 5, Duration.ofMinutes(1));

        assertThat(clientCredentials("council-system", DemoTokens.CLIENT_SECRET).statusCode()).isEqualTo(200);
        assertThat(clientCredentials("council-system", DemoTokens.CLIENT_SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = clientCredentials("council-system", DemoTokens.CLIENT_SECRET);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(clientCredentials("police-rms", DemoTokens.CLIENT_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void signInAttemptsOverAnAddressLimitGet429() throws Exception {
        tighten("1000/1m", "1000/1m", "1000/1m", "3/1m", 100, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("staysafe.south", "wrong-" + i).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> refused = signIn("staysafe.south", DemoTokens.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void guessingAPasswordLocksTheNameOutFromThatAddressWithBackOffAndIsAudited() throws Exception {
        tighten("1000/1m", "1000/1m", "1000/1m", "1000/1m", 3, Duration.ofSeconds(2));
        long locked = count("login.locked");
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("police.south", "guess-" + i).headers().firstValue("Location").orElse("")).contains("error");
        }
        assertThat(count("login.locked")).isEqualTo(locked + 1);

        // Locked: even the right password is not looked at.
        HttpResponse<String> refused = signIn("police.south", DemoTokens.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        // Another name from the same address is not locked.
        assertThat(signIn("csc.south", DemoTokens.PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");

        Thread.sleep(2_200);
        // One more failure after the lockout: locked again, for twice as long.
        assertThat(signIn("police.south", "guess-again").statusCode()).isEqualTo(302);
        HttpResponse<String> again = signIn("police.south", DemoTokens.PASSWORD);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(again.headers().firstValue("Retry-After").orElseThrow())).isBetween(3, 4);
    }

    @Test
    void guessingAClientSecretLocksTheClientOutFromThatAddress() throws Exception {
        tighten("1000/1m", "1000/1m", "1000/1m", "1000/1m", 3, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThat(clientCredentials("council-system", "wrong-secret-" + i).statusCode()).isEqualTo(401);
        }

        assertThat(clientCredentials("council-system", DemoTokens.CLIENT_SECRET).statusCode()).isEqualTo(429);
        assertThat(clientCredentials("police-rms", DemoTokens.CLIENT_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void liveSessionMayHoldOnlySoManySubscriptions() throws Exception {
        try (LiveClient client = LiveClient.connect(baseUrl(), token("coordinator.north"))) {
            for (int i = 0; i < live.maxSubscriptionsPerSession(); i++) {
                assertThat(client.subscribe("/user/queue/alerts")).as("subscription " + (i + 1)).isTrue();
            }
            long denied = mongo.getCollection("audit_entries").countDocuments(new Document("action", "live.subscribe")
                    .append("details.reason", "too-many-subscriptions"));

            assertThat(client.subscribe("/user/queue/alerts")).isFalse();

            assertThat(client.ended().get(3, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            assertThat(mongo.getCollection("audit_entries").countDocuments(new Document("action", "live.subscribe")
                    .append("details.reason", "too-many-subscriptions"))).isEqualTo(denied + 1);
        } catch (RuntimeException alreadyClosed) {
            // closing a session the hub ended
        }
    }

    @Test
    void liveFrameOverTheSizeLimitEndsTheSession() throws Exception {
        LiveClient client = LiveClient.connect(baseUrl(), token("coordinator.north"));
        try {
            assertThat(client.connected()).as("connected before the oversized frame").isTrue();
            try {
                client.send("/app/anything", "x".repeat(70_000));
            } catch (org.springframework.messaging.MessageDeliveryException closedWhileSending) {
                // The hub may close the connection before the client has finished writing the frame.
                assertThat(closedWhileSending).hasStackTraceContaining("session has been closed");
                return;
            }

            assertThat(client.ended().get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
        } finally {
            try {
                client.close();
            } catch (RuntimeException alreadyClosed) {
                // the hub ended it
            }
        }
    }

    private long count(String action) {
        return mongo.getCollection("audit_entries").countDocuments(new Document("action", action));
    }

    private static long perMinute(Rate rate) {
        return rate.requests() * Duration.ofMinutes(1).toMillis() / rate.per().toMillis();
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One sign-in through the login form (with its CSRF token), as a browser would. */
    private HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("login page has a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    protected String token(String caller) {
        return CallerTokens.of(tokens, baseUrl(), caller);
    }
}
