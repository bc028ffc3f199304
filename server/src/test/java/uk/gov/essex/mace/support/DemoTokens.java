package uk.gov.essex.mace.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from the running hub's embedded authorization server: authorization code with
 * PKCE for demo users (signing in through the login form), client credentials for partner systems.
 */
public final class DemoTokens {

    public static final String PASSWORD = "mace-demo-2026";
    public static final String CLIENT_SECRET = "demo-client-secret";
    private static final String REDIRECT = "http://127.0.0.1/dev-token/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    /** Tokens live 15 minutes; a full build outlasts that, so cached ones are renewed after 10. */
    private static final long RENEW_AFTER_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private record Cached(String token, long fetchedAt) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DemoTokens(String base) {
        this.base = base;
    }

    /** A token for a demo user, cached for the test run. */
    public String user(String username) {
        return cached("user:" + username, () -> freshUser(username, PASSWORD));
    }

    /** A token for a demo partner client (client credentials grant), cached for the test run. */
    public String client(String clientId) {
        return cached("client:" + clientId, () -> freshClient(clientId, CLIENT_SECRET));
    }

    private String cached(String key, java.util.function.Supplier<String> fetch) {
        return cache.compute(key, (k, old) -> old != null && System.nanoTime() - old.fetchedAt() < RENEW_AFTER_NANOS
                ? old : new Cached(fetch.get(), System.nanoTime())).token();
    }

    public String freshClient(String clientId, String secret) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub"))
                .build());
        return extract(ACCESS_TOKEN, response.body(), "token response " + response.statusCode());
    }

    public String freshUser(String username, String password) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = random(48);
        String challenge = base64Url(sha256(verifier));
        String state = random(16);
        URI authorize = URI.create(base + "/oauth2/authorize?response_type=code&client_id=hub-cli&scope=hub"
                + "&state=" + state + "&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + enc(REDIRECT));
        send(http, HttpRequest.newBuilder(authorize).GET().build());
        String loginPage = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build()).body();
        String csrf = extract(CSRF, loginPage, "login page");
        HttpResponse<String> login = send(http, form(base + "/login",
                "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf)));
        String afterLogin = login.headers().firstValue("Location").orElse("");
        if (afterLogin.contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username);
        }
        HttpResponse<String> redirected = send(http, HttpRequest.newBuilder(authorize).GET().build());
        String location = redirected.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no redirect from authorize: " + redirected.statusCode()));
        String code = extract(Pattern.compile("[?&]code=([^&]+)"), location, "redirect " + location);
        HttpResponse<String> token = send(http, form(base + "/oauth2/token",
                "grant_type=authorization_code&client_id=hub-cli&code=" + code + "&redirect_uri=" + enc(REDIRECT)
                        + "&code_verifier=" + verifier));
        return extract(ACCESS_TOKEN, token.body(), "token response " + token.statusCode());
    }

    private static HttpRequest form(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extract(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("nothing found in " + what);
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return base64Url(b);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
