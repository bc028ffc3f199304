package uk.gov.essex.mace.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.HubUnavailableException;

/**
 * Sends {@link HubRequest}s: bearer token, JSON both ways, and the retry loop. A 401 makes the
 * token source drop the refused token and the call is repeated once with a fresh one (not counted
 * as a retry: an expired token is not a hub failure). Connection failures, 429 and 5xx are retried
 * as the request's {@link Retry} allows, with full-jitter back-off or the hub's Retry-After, at most
 * {@code maxRetries} times; every attempt of a POST carries the same {@code Idempotency-Key}.
 */
public final class HubHttp {

    private static final System.Logger LOG = System.getLogger(HubHttp.class.getName());
    private static final String USER_AGENT = "mace-hub-client-sdk/0.1 (Java " + Runtime.version().feature() + ")";

    private final HttpClient http;
    private final URI baseUrl;
    private final TokenSource tokens;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Backoff backoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    public HubHttp(HttpClient http, URI baseUrl, TokenSource tokens, Duration requestTimeout, int maxRetries,
            Backoff backoff, Duration maxRetryAfter, Sleeper sleeper) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.requestTimeout = requestTimeout;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
    }

    /** The hub's address, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public HttpClient httpClient() {
        return http;
    }

    public TokenSource tokens() {
        return tokens;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public <T> T send(HubRequest<T> call) {
        byte[] body = call.body() == null ? null : Json.MAPPER.writeValueAsBytes(call.body());
        boolean refreshed = false;
        int retries = 0;
        while (true) {
            String token = tokens.token();
            HttpResponse<byte[]> response;
            try {
                response = http.send(build(call, body, token), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (retries < maxRetries && call.retry().afterFailure(e)) {
                    Duration delay = backoff.delay(retries++);
                    LOG.log(System.Logger.Level.DEBUG, "{0} {1} failed ({2}); retry {3} in {4} ms",
                            call.method(), call.path(), e.toString(), retries, delay.toMillis());
                    pause(delay);
                    continue;
                }
                throw new HubUnavailableException(0, null, "Hub unreachable", call.method() + " " + call.path()
                        + " failed after " + (retries + 1) + " attempt(s): " + e, null, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException(0, null, "Interrupted", "Interrupted during " + call.method() + " "
                        + call.path(), null, null, e);
            }
            int status = response.statusCode();
            if (status == 401 && !refreshed) {
                refreshed = true;
                tokens.invalidate(token);
                continue;
            }
            if (status >= 200 && status < 300) {
                return read(call, response);
            }
            if (retries < maxRetries && call.retry().afterStatus(status)) {
                Duration retryAfter = ProblemMapper.retryAfter(response);
                if (retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0) {
                    Duration delay = retryAfter != null ? retryAfter : backoff.delay(retries);
                    retries++;
                    LOG.log(System.Logger.Level.DEBUG, "{0} {1} answered {2}; retry {3} in {4} ms",
                            call.method(), call.path(), status, retries, delay.toMillis());
                    pause(delay);
                    continue;
                }
            }
            HubException failure = ProblemMapper.from(response);
            if (failure instanceof AuthenticationException && refreshed) {
                LOG.log(System.Logger.Level.WARNING, "the hub refused a freshly fetched token");
            }
            throw failure;
        }
    }

    private HttpRequest build(HubRequest<?> call, byte[] body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
        if (call.idempotencyKey() != null) {
            b.header("Idempotency-Key", call.idempotencyKey());
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private static <T> T read(HubRequest<T> call, HttpResponse<byte[]> response) {
        if (call.responseType().getRawClass() == Void.class || response.body() == null || response.body().length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(response.body(), call.responseType());
        } catch (tools.jackson.core.JacksonException e) {
            throw new HubException(response.statusCode(), null, "Unreadable response", "The hub's answer to "
                    + call.method() + " " + call.path() + " could not be read: " + e.getOriginalMessage(),
                    response.headers().firstValue("X-Request-Id").orElse(null), null, e);
        }
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(0, null, "Interrupted", "Interrupted while waiting to retry.", null, null, e);
        }
    }
}
