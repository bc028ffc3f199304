package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The browser-facing protections of the web app, over real HTTP and WebSocket: the
 * Content-Security-Policy (no inline script), framing refused, no MIME sniffing, CSRF on the
 * session's forms, a Secure cookie behind TLS, and the WebSocket handshake's Origin check
 * (ASVS 5.0 4.4.2).
 */
class WebSecurityTests extends HubIntegrationTest {

    static Stream<String> pages() {
        return Stream.of("/app/index.html", "/app/case.html?id=x", "/app/alerts.html", "/app/agenda.html",
                "/app/assets/hub.js", "/webjars/stomp__stompjs/7.2.1/esm6/index.js");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void whenAPageIsServedThenItsPolicyAllowsNoInlineScriptAndNoFraming(String path) {
        HttpResponse<String> page = new SessionLogin(baseUrl()).signIn("police.north").get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void whenNotSignedInThenPagesSendToTheLoginForm() {
        HttpResponse<String> page = new SessionLogin(baseUrl()).get("/app/case.html?id=x");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void whenTheRootIsOpenedThenItLeadsToMyCases() {
        HttpResponse<String> root = new SessionLogin(baseUrl()).signIn("csc.north").get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElse("")).endsWith("/app/index.html");
    }

    @Test
    void whenTheLoginFormIsPostedWithoutItsCsrfTokenThenRefused() {
        SessionLogin browser = new SessionLogin(baseUrl());
        browser.get("/login");

        HttpResponse<String> login = browser.post("/login", "username=police.north&password=mace-demo-2026");

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(browser.get("/app/index.html").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void whenSignOutIsPostedWithoutItsCsrfTokenThenTheSessionStays() {
        SessionLogin browser = new SessionLogin(baseUrl()).signIn("police.north");

        assertThat(browser.post("/logout", "").statusCode()).isEqualTo(403);
        assertThat(browser.get("/app/index.html").statusCode()).isEqualTo(200);
    }

    /**
     * The page calls the API with its bearer token while its browser also holds the sign-in
     * session cookie. The stateless chains must leave that session alone: when they changed its id
     * on every call (session fixation protection, meant for sign-in), two calls at once could leave
     * the browser holding an id that no longer existed, and the page's next token renewal failed.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"csc.north, /api/cases", "admin, /actuator/prometheus"})
    void whenABearerCallCarriesTheSignInCookieThenTheSessionKeepsItsId(String username, String path) {
        SessionLogin browser = new SessionLogin(baseUrl()).signIn(username);

        HttpResponse<String> call = browser.get(path, "Authorization", "Bearer " + token(username));

        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(browser.get("/app/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void whenSigningInThenTheSessionGetsANewId() {
        SessionLogin browser = new SessionLogin(baseUrl());
        browser.get("/login");
        String beforeSignIn = browser.sessionId();

        browser.signIn("csc.north");

        assertThat(beforeSignIn).as("the login form's session").isNotNull();
        assertThat(browser.sessionId()).as("session fixation protection at sign-in").isNotNull().isNotEqualTo(beforeSignIn);
    }

    @Test
    void whenServedBehindTlsThenTheSessionCookieIsSecureHttpOnlyAndSameSite() {
        HttpResponse<String> overTls = new SessionLogin(baseUrl()).get("/login", "X-Forwarded-Proto", "https");
        HttpResponse<String> plain = new SessionLogin(baseUrl()).get("/login");

        String cookie = overTls.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    /** The HTTP status of a raw WebSocket upgrade request to /ws carrying {@code origin}. */
    private int handshake(String origin) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            String request = "GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\nOrigin: " + origin + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void whenTheWebSocketHandshakeComesFromAForeignOriginThenItIsRefused() throws IOException {
        assertThat(handshake("http://evil.example")).isEqualTo(403);
        assertThat(handshake("http://localhost:8080.evil.example")).isEqualTo(403);
        assertThat(handshake("https://localhost:8443")).isEqualTo(403);
        assertThat(handshake("https://localhost:8080")).as("the default HTTPS origin").isEqualTo(101);
        assertThat(handshake("null")).isEqualTo(403);
        assertThatThrownBy(() -> LiveClient.connect(baseUrl(), token("police.north"), "http://evil.example").close());
    }

    @Test
    void whenTheHandshakeComesFromAConfiguredOrTheHubsOwnOriginThenItIsAccepted() throws Exception {
        assertThat(handshake("http://localhost:8080")).isEqualTo(101);
        assertThat(handshake(baseUrl())).isEqualTo(101);
        try (LiveClient own = LiveClient.connect(baseUrl(), token("police.north"), baseUrl())) {
            assertThat(own.connected()).isTrue();
        }
    }

    @Test
    void whenTheAppsFilesAreReadThenNoneHasInlineScriptOrBuildsMarkupFromStrings() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:static/app/**/*.*");
        assertThat(files).hasSizeGreaterThan(8);
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String name = file.getFilename();
            if (name.endsWith(".html")) {
                Matcher script = Pattern.compile("<script([^>]*)>([^<]*)</script>").matcher(text);
                int scripts = 0;
                while (script.find()) {
                    scripts++;
                    assertThat(script.group(1)).as(name).matches(" type=\"module\" src=\"/app/assets/[a-z-]+\\.js\"");
                    assertThat(script.group(2)).as(name).isEmpty();
                }
                assertThat(text.split("<script", -1)).as(name).hasSize(scripts + 1);
                assertThat(text).as(name).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("style=");
            }
            if (name.endsWith(".js")) {
                assertThat(text).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(")
                        .doesNotContain("new Function").doesNotContain("localStorage").doesNotContain("sessionStorage");
            }
        }
        assertThat(List.of(files).stream().map(Resource::getFilename)).contains("hub.js", "case.html");
    }
}
