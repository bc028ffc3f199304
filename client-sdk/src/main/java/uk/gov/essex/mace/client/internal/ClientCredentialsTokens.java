package uk.gov.essex.mace.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.HubUnavailableException;

/**
 * OAuth2 client credentials (RFC 6749 s4.4) with the token cached until shortly before it
 * expires. One lock: when many threads find the token stale at once, one fetches and the rest
 * wait for it and reuse it, so a busy partner system makes one token request per lifetime.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 s4.4</a>
 */
public final class ClientCredentialsTokens implements TokenSource {

    private static final System.Logger LOG = System.getLogger(ClientCredentialsTokens.class.getName());

    private final HttpClient http;
    private final URI tokenUri;
    private final String basic;
    private final String scope;
    private final Clock clock;
    private final Duration refreshEarly;
    private final Duration requestTimeout;
    private final Backoff backoff;
    private final int maxRetries;
    private final Sleeper sleeper;

    private String token;
    private Instant refreshAt = Instant.MIN;
    private long fetches;

    public ClientCredentialsTokens(HttpClient http, URI tokenUri, String clientId, Secret secret, String scope,
            Clock clock, Duration refreshEarly, Duration requestTimeout, Backoff backoff, int maxRetries, Sleeper sleeper) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(secret.reveal())).getBytes(StandardCharsets.UTF_8));
        this.scope = scope;
        this.clock = clock;
        this.refreshEarly = refreshEarly;
        this.requestTimeout = requestTimeout;
        this.backoff = backoff;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
    }

    @Override
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    @Override
    public synchronized void invalidate(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    /** How many tokens this source has fetched (for tests and metrics). */
    public synchronized long fetches() {
        return fetches;
    }

    private void fetch() {
        Instant asked = clock.instant();
        JsonNode body = post();
        String value = body.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw new AuthenticationException(200, null, "No access token", "The token response had no access_token.",
                    null, null, null);
        }
        long expiresIn = body.path("expires_in").asLong(300);
        Duration lifetime = Duration.ofSeconds(Math.max(expiresIn, 1));
        // refresh early, but never so early that a short-lived token is refreshed on every call
        Duration early = refreshEarly.compareTo(lifetime.dividedBy(2)) < 0 ? refreshEarly : lifetime.dividedBy(2);
        token = value;
        refreshAt = asked.plus(lifetime).minus(early);
        fetches++;
        LOG.log(System.Logger.Level.DEBUG, "fetched an access token valid for {0}s", expiresIn);
    }

    private JsonNode post() {
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(requestTimeout)
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + form(scope)))
                .build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt < maxRetries) {
                    pause(attempt);
                    continue;
                }
                throw new HubUnavailableException(0, null, "Token endpoint unreachable",
                        "Could not reach " + tokenUri + " after " + (attempt + 1) + " attempts.", null, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException(0, null, "Interrupted", "Interrupted while fetching a token.", null, null, e);
            }
            int status = response.statusCode();
            String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
            if (status >= 500 && attempt < maxRetries) {
                pause(attempt);
                continue;
            }
            JsonNode body = parse(response.body());
            if (status == 200) {
                return body;
            }
            String error = body.path("error").asString("unknown");
            String description = body.path("error_description").asString(
                    "The authorization server refused the client credentials (" + error + ").");
            if (status >= 500) {
                throw new HubUnavailableException(status, null, "Token endpoint failing", description, requestId, null, null);
            }
            // RFC 6749 s5.2: invalid_client, unauthorized_client, invalid_scope, ... as 400 or 401
            throw new AuthenticationException(status, "urn:ietf:params:oauth:error:" + error, "Token request refused",
                    description, requestId, null, null);
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(backoff.delay(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(0, null, "Interrupted", "Interrupted while fetching a token.", null, null, e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** RFC 6749 s2.3.1: the client id and secret are form-encoded before Basic encoding. */
    private static String form(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
