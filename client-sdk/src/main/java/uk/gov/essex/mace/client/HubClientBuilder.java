package uk.gov.essex.mace.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import uk.gov.essex.mace.client.internal.Backoff;
import uk.gov.essex.mace.client.internal.ClientCredentialsTokens;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.Secret;
import uk.gov.essex.mace.client.internal.Sleeper;
import uk.gov.essex.mace.client.internal.SuppliedTokens;
import uk.gov.essex.mace.client.internal.TokenSource;

/**
 * Builds a {@link HubClient}. Every setter checks its own argument at once
 * ({@link IllegalArgumentException} naming the setting) and {@link #build()} checks that the
 * settings make sense together ({@link IllegalStateException}), so a misconfigured partner system
 * fails at start-up, not at its first call at 3 a.m.
 *
 * <p>Required: {@link #baseUrl} and exactly one of {@link #clientCredentials} or
 * {@link #tokenSupplier}. Plain {@code http://} is accepted only for loopback hosts (local
 * development) unless {@link #allowPlainHttp(boolean)} says otherwise: the hub carries children's
 * data and must be reached over TLS.
 */
public final class HubClientBuilder {

    private URI baseUrl;
    private URI tokenUrl;
    private String clientId;
    private Secret clientSecret;
    private String scope = "hub";
    private Supplier<String> tokenSupplier;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration retryBaseDelay = Duration.ofMillis(200);
    private Duration retryMaxDelay = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private Duration liveReconnectMaxDelay = Duration.ofSeconds(30);
    private SSLContext sslContext;
    private boolean allowPlainHttp;
    private Clock clock = Clock.systemUTC();

    HubClientBuilder() {}

    /** The hub's address, e.g. {@code https://mace-hub.essex.example} (no query or fragment). */
    public HubClientBuilder baseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got: " + baseUrl);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must name a host and have no query or fragment: " + baseUrl);
        }
        this.baseUrl = uri;
        return this;
    }

    /**
     * Authenticate as a partner system with OAuth2 client credentials (RFC 6749 s4.4). The SDK
     * fetches, caches and refreshes tokens itself, a minute before they expire.
     */
    public HubClientBuilder clientCredentials(String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret must not be empty");
        }
        this.clientId = clientId;
        this.clientSecret = new Secret(clientSecret);
        return this;
    }

    /**
     * Where client-credentials tokens come from; default {@code baseUrl + /oauth2/token} (the
     * hub's embedded authorization server). Set it when your agency's own issuer is trusted.
     */
    public HubClientBuilder tokenUrl(String tokenUrl) {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        URI uri = URI.create(tokenUrl);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("tokenUrl must be an absolute URL: " + tokenUrl);
        }
        this.tokenUrl = uri;
        return this;
    }

    /** The OAuth2 scope asked for with client credentials; default {@code hub}. */
    public HubClientBuilder scope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("scope must not be blank");
        }
        this.scope = scope;
        return this;
    }

    /**
     * Authenticate with bearer tokens you obtain yourself (a person's token, an agency IdP). The
     * supplier is asked before every request, so it should cache; after a 401 it is asked once
     * more and the request repeated, so it should then return a fresh token.
     */
    public HubClientBuilder tokenSupplier(Supplier<String> tokenSupplier) {
        this.tokenSupplier = Objects.requireNonNull(tokenSupplier, "tokenSupplier");
        return this;
    }

    /** How long to wait for a TCP/TLS connection; default 10 s. */
    public HubClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /** How long one attempt may take, response included; default 30 s. */
    public HubClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** Retries after the first attempt, 0 to 10; default 3. */
    public HubClientBuilder maxRetries(int maxRetries) {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
        }
        this.maxRetries = maxRetries;
        return this;
    }

    /**
     * Full-jitter exponential back-off: retry n waits a random time below
     * {@code min(maxDelay, baseDelay * 2^n)}; default 200 ms and 10 s.
     */
    public HubClientBuilder retryBackoff(Duration baseDelay, Duration maxDelay) {
        positive(baseDelay, "retryBackoff baseDelay");
        positive(maxDelay, "retryBackoff maxDelay");
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("retryBackoff maxDelay must not be less than baseDelay");
        }
        this.retryBaseDelay = baseDelay;
        this.retryMaxDelay = maxDelay;
        return this;
    }

    /**
     * The longest {@code Retry-After} the SDK will wait out by itself; a longer one becomes a
     * {@link RateLimitedException} at once. Default 60 s.
     */
    public HubClientBuilder maxRetryAfter(Duration max) {
        Objects.requireNonNull(max, "maxRetryAfter");
        if (max.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative");
        }
        this.maxRetryAfter = max;
        return this;
    }

    /** How long before expiry a cached client-credentials token is replaced; default 60 s. */
    public HubClientBuilder tokenRefreshMargin(Duration margin) {
        Objects.requireNonNull(margin, "tokenRefreshMargin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("tokenRefreshMargin must not be negative");
        }
        this.tokenRefreshMargin = margin;
        return this;
    }

    /** The longest wait between reconnection attempts of a live subscription; default 30 s. */
    public HubClientBuilder liveReconnectMaxDelay(Duration max) {
        this.liveReconnectMaxDelay = positive(max, "liveReconnectMaxDelay");
        return this;
    }

    /** Trust the hub's certificate through this trust store instead of the JDK's default one. */
    public HubClientBuilder trustStore(KeyStore trustStore) {
        Objects.requireNonNull(trustStore, "trustStore");
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            this.sslContext = context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore cannot be used: " + e.getMessage(), e);
        }
        return this;
    }

    /** Trust the hub's certificate through a PKCS#12 (or JKS) trust store file. */
    public HubClientBuilder trustStore(Path path, char[] password) {
        Objects.requireNonNull(path, "trustStore path");
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("trustStore file is not readable: " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password);
            return trustStore(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trustStore " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Trust the hub's certificate from a PEM file holding it (or the CA that issued it), such as
     * the {@code data/keys/tls-cert.pem} a demo hub makes for itself at first start.
     */
    public HubClientBuilder trustCertificate(Path pem) {
        Objects.requireNonNull(pem, "certificate path");
        if (!Files.isReadable(pem)) {
            throw new IllegalArgumentException("certificate file is not readable: " + pem);
        }
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("hub-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            return trustStore(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate " + pem + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Allow {@code http://} to a host that is not loopback. Never in production. */
    public HubClientBuilder allowPlainHttp(boolean allow) {
        this.allowPlainHttp = allow;
        return this;
    }

    /** The clock token expiry is judged by; for tests. Default the system UTC clock. */
    public HubClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Checks the settings together and builds the client.
     *
     * @throws IllegalStateException when a required setting is missing or settings conflict
     */
    public HubClient build() {
        if (baseUrl == null) {
            throw new IllegalStateException("baseUrl is required, e.g. builder.baseUrl(\"https://mace-hub.example\")");
        }
        if (clientId == null && tokenSupplier == null) {
            throw new IllegalStateException("credentials are required: call clientCredentials(id, secret) or tokenSupplier(...)");
        }
        if (clientId != null && tokenSupplier != null) {
            throw new IllegalStateException("choose one of clientCredentials(...) and tokenSupplier(...), not both");
        }
        if (tokenUrl != null && tokenSupplier != null) {
            throw new IllegalStateException("tokenUrl applies to clientCredentials(...) only");
        }
        if (!allowPlainHttp) {
            requireTls(baseUrl, "baseUrl");
            if (tokenUrl != null) {
                requireTls(tokenUrl, "tokenUrl");
            }
        }
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            http.sslContext(sslContext);
        }
        HttpClient httpClient = http.build();
        Backoff backoff = new Backoff(retryBaseDelay, retryMaxDelay);
        TokenSource tokens = tokenSupplier != null
                ? new SuppliedTokens(tokenSupplier)
                : new ClientCredentialsTokens(httpClient, tokenUrl != null ? tokenUrl : URI.create(baseUrl + "/oauth2/token"),
                        clientId, clientSecret, scope, clock, tokenRefreshMargin, requestTimeout, backoff, maxRetries, Sleeper.THREAD);
        HubHttp hubHttp = new HubHttp(httpClient, baseUrl, tokens, requestTimeout, maxRetries,
                backoff, maxRetryAfter, Sleeper.THREAD);
        return new HubClient(hubHttp, new Backoff(Duration.ofMillis(250), liveReconnectMaxDelay));
    }

    private static void requireTls(URI uri, String what) {
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return;
        }
        String host = uri.getHost();
        boolean loopback = "localhost".equalsIgnoreCase(host);
        if (!loopback) {
            try {
                loopback = host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") && InetAddress.getByName(host).isLoopbackAddress();
            } catch (IOException e) {
                loopback = false;
            }
        }
        if (!loopback) {
            throw new IllegalStateException(what + " must use https:// (plain http is for loopback development only; "
                    + "allowPlainHttp(true) overrides this, never in production): " + uri);
        }
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
