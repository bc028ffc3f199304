package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.DevTokenScript;

/**
 * The hub started with {@code hub.tls.enabled=true}: it makes its own certificate (for localhost
 * and 127.0.0.1, in the data directory, owner-only), serves HTTPS and WSS with it, sends HSTS,
 * and no longer answers plain HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TlsTests {

    private static Path dataDir;

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-tls-");
        registry.add("hub.storage.data-dir", dataDir::toString);
        registry.add("hub.tls.enabled", () -> "true");
        registry.add("hub.live.allowed-origins", () -> "https://localhost");
    }

    @LocalServerPort
    int port;

    @Test
    void generatedCertificateIsForLocalhostAndKeptOwnerOnly() throws Exception {
        Path keystore = dataDir.resolve("keys").resolve("tls.p12");
        X509Certificate certificate = certificate();

        assertThat(certificate.getSubjectAlternativeNames()).extracting(san -> String.valueOf(san.get(1)))
                .contains("localhost", "127.0.0.1");
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.resolveSibling("tls.p12.password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void servesHttpsWithHstsToAClientThatTrustsTheGeneratedCertificate() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(certificate())).build();

        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");

        String basic = Base64.getEncoder().encodeToString(("police-rms:" + DemoTokens.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = https.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        HttpResponse<String> cases = https.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
        HttpResponse<String> refused = https.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndPlainHttpIsNotServed() {
        HttpClient strict = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> strict.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasStackTraceContaining("certification path");

        assertThatThrownBy(() -> {
            HttpResponse<String> plain = strict.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as("plain HTTP on the TLS port").isNotEqualTo(200);
            throw new IllegalStateException("answered " + plain.statusCode());
        });
    }

    @Test
    void liveChannelRunsOverWss() throws Exception {
        SSLContext trust = trusting(certificate());
        StandardWebSocketClient socket = new StandardWebSocketClient();
        socket.setSslContext(trust);
        WebSocketStompClient stomp = new WebSocketStompClient(socket);
        HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
        String basic = Base64.getEncoder().encodeToString(("police-rms:" + DemoTokens.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String body = https.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + body.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.setOrigin("https://localhost");
        try {
            StompSession session = stomp.connectAsync("wss://localhost:" + port + "/ws", handshake, connect,
                    new StompSessionHandlerAdapter() {}).get(10, TimeUnit.SECONDS);
            assertThat(session.isConnected()).isTrue();
            session.disconnect();
        } finally {
            stomp.stop();
        }
    }

    @Test
    void devTokenWorksAgainstTheHttpsHubWithItsCertificateInCurlCaBundle() throws Exception {
        Path certificate = dataDir.resolve("keys").resolve("tls-cert.pem").toAbsolutePath();
        // as the README says: export CURL_CA_BUNDLE=data/keys/tls-cert.pem (absolute here, as the
        // script changes to the repository root); HUB_CURL_OPTS is set, so the script adds no
        // --cacert of its own and the bundle alone decides
        DevTokenScript.Result trusted = DevTokenScript.against(base()).env("HUB_CURL_OPTS", "")
                .env("CURL_CA_BUNDLE", certificate.toString()).run("police.north", DemoTokens.PASSWORD);
        DevTokenScript.Result untrusted = DevTokenScript.against(base()).env("HUB_CURL_OPTS", "")
                .run("police.north", DemoTokens.PASSWORD);

        assertThat(trusted.exit()).as(trusted.stderr()).isZero();
        assertThat(trusted.claims().get("sub").asString()).isEqualTo("police.north");
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(certificate())).build();
        HttpResponse<String> cases = https.send(HttpRequest.newBuilder(URI.create(base() + "/api/cases"))
                .header("Authorization", "Bearer " + trusted.token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(untrusted.exit()).as("curl refuses the self-signed certificate without the bundle").isNotZero();
        assertThat(untrusted.stdout()).isBlank();
    }

    private String base() {
        return "https://localhost:" + port;
    }

    private static X509Certificate certificate() throws Exception {
        Path keystore = dataDir.resolve("keys").resolve("tls.p12");
        String password = Files.readString(keystore.resolveSibling("tls.p12.password")).trim();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate("hub-tls");
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hub", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

}
