package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.TestIssuer;

/**
 * Every way of presenting a bad bearer token is answered 401 problem+json, with the RFC 6750
 * challenge, audited as {@code auth.failed} with a reason code that names the attack, and refused
 * on the live channel too. Good tokens come from the real token endpoint; bad ones are forged from
 * them with nimbus-jose-jwt.
 */
class TokenAttackTests extends HubIntegrationTest {

    private static final TestIssuer UNTRUSTED = new TestIssuer("https://idp.untrusted.test");
    private static HttpServer attackerJwks;
    private static RSAKey attackerKey;

    @Autowired
    RSAKey hubSigningKey;

    @Autowired
    IdentityProperties identity;

    /** Serves the attacker's own JWKS on loopback, so a {@code jku} header points at a real key set. */
    @BeforeAll
    static void publishAttackerKeys() throws Exception {
        attackerKey = new RSAKeyGenerator(2048).keyID("attacker-" + UUID.randomUUID()).generate();
        byte[] jwks = new JWKSet(attackerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        attackerJwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attackerJwks.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        attackerJwks.start();
    }

    @AfterAll
    static void stopServers() {
        attackerJwks.stop(0);
        UNTRUSTED.close();
    }

    @AfterEach
    void reinstateRevokedClient() {
        HubApi.Reply reply = api.post(token("admin"), "/api/admin/clients/council-system/reinstate", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** One attack: how to make the token, and the reason code the audit trail must give. */
    record Attack(String name, Function<TokenAttackTests, String> token, String cause) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                new Attack("alg none", t -> t.forge().algNone(), "unsupported-algorithm"),
                new Attack("HS256 with the hub's RSA public key (DER) as secret", t -> t.forge().hmacWithPublicKey(false), "bad-signature"),
                new Attack("HS256 with the hub's RSA public key (PEM) as secret", t -> t.forge().hmacWithPublicKey(true), "bad-signature"),
                new Attack("expired", t -> t.forge().signedByHub(b -> TokenForgery.expiredAt(b, Instant.now().minusSeconds(600))), "expired"),
                new Attack("not yet valid (nbf in the future)", t -> t.forge().signedByHub(b -> b
                        .notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().plusSeconds(1200)))), "not-yet-valid"),
                new Attack("wrong issuer, signed with the hub's key", t -> t.forge().signedByHub(b -> b.issuer("https://evil.example")),
                        "untrusted-issuer"),
                new Attack("wrong audience", t -> t.forge().signedByHub(b -> b.audience("some-other-api")), "wrong-audience"),
                new Attack("no audience", t -> t.forge().signedByHub(b -> b.audience((String) null)), "wrong-audience"),
                new Attack("no expiry", t -> t.forge().signedByHub(b -> b.expirationTime(null)), "no-expiry"),
                new Attack("unknown kid, signed by a fresh key", t -> t.forge().signedByStranger(null), "bad-signature"),
                new Attack("jku header pointing at the attacker's JWKS", t -> t.forge().signedWith(attackerKey, t.attackerJku()),
                        "bad-signature"),
                new Attack("tampered payload (roles widened), real signature", t -> t.forge().tampered(), "bad-signature"),
                new Attack("signature stripped", t -> t.forge().signatureStripped(), "bad-signature"),
                new Attack("names an agency that is not configured", t -> t.forge().signedByHub(b -> b.claim("agency", "evil-agency")),
                        "invalid_token"),
                new Attack("valid token from an issuer that is not configured", t -> UNTRUSTED.token("nurse", t.identity.audience(),
                        Map.of("roles", List.of("PRACTITIONER"), "agency", "essex-health", "quadrants", List.of("NORTH"))),
                        "untrusted-issuer"),
                new Attack("token of a revoked client", TokenAttackTests::revokedClientToken, "client-revoked"),
                new Attack("not a JWT at all", t -> "not-a-jwt", "malformed"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void forgedTokenIsRefusedWithProblemAndAudited(Attack attack) {
        String forged = attack.token().apply(this);
        for (String[] call : List.of(new String[] {"GET", "/api/cases"}, new String[] {"POST", "/api/cases"},
                new String[] {"GET", "/actuator/prometheus"})) {
            String requestId = "attack-" + UUID.randomUUID();
            HubApi.Reply reply = api.send(api.builder(forged, call[1]).header("X-Request-Id", requestId)
                    .header("Content-Type", "application/json")
                    .method(call[0], java.net.http.HttpRequest.BodyPublishers.ofString(call[0].equals("GET") ? "" : "{}")));

            assertThat(reply.status()).as(attack + " on " + call[1] + ": " + reply.body()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unauthorized");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(reply.body()).doesNotContain(forged);
            Document entry = mongo.getCollection("audit_entries")
                    .find(new Document("action", "auth.failed").append("requestId", requestId)).first();
            assertThat(entry).as("auth.failed audited for " + attack + " on " + call[1]).isNotNull();
            assertThat(entry.get("details", Document.class).getString("cause")).as(attack.toString()).isEqualTo(attack.cause());
        }
        assertThatThrownBy(() -> LiveClient.connect(baseUrl(), forged).close()).as("live channel refuses " + attack);
    }

    @Test
    void tokenInTheQueryStringIsNotAccepted() {
        HubApi.Reply reply = api.get(null, "/api/cases?access_token=" + token("police.north"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void signInWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=police.north&password=" + uk.gov.essex.mace.support.DemoTokens.PASSWORD)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theRealTokenTheAttacksStartFromIsAccepted() {
        assertThat(api.get(token("police.north"), "/api/cases").status()).isEqualTo(200);
    }

    @Test
    void revokedClientGetsNoNewTokenUntilReinstated() {
        String admin = token("admin");
        assertThat(api.post(admin, "/api/admin/clients/council-system/revoke", "").json().get("revoked").asBoolean()).isTrue();

        assertThatThrownBy(() -> tokens.freshClient("council-system", uk.gov.essex.mace.support.DemoTokens.CLIENT_SECRET));
        assertThat(mongo.getCollection("audit_entries").countDocuments(new Document("action", "token.refused")
                .append("details.reason", "client-revoked"))).isPositive();

        assertThat(api.post(admin, "/api/admin/clients/council-system/reinstate", "").json().get("revoked").asBoolean()).isFalse();
        String fresh = tokens.freshClient("council-system", uk.gov.essex.mace.support.DemoTokens.CLIENT_SECRET);
        assertThat(api.get(fresh, "/api/cases").status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsRevokeClientsAndEachChangeIsAudited() {
        assertThat(api.post(token("police.north"), "/api/admin/clients/council-system/revoke", "").status()).isEqualTo(403);
        assertThat(api.post(token("auditor"), "/api/admin/clients/council-system/revoke", "").status()).isEqualTo(403);
        assertThat(api.post(token("admin"), "/api/admin/clients/no-such-client/revoke", "").status()).isEqualTo(404);
        long before = mongo.getCollection("audit_entries").countDocuments(new Document("action", "client.revoked"));

        HubApi.Reply revoked = api.post(token("admin"), "/api/admin/clients/council-system/revoke", "");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(mongo.getCollection("audit_entries").countDocuments(new Document("action", "client.revoked")))
                .isEqualTo(before + 1);
        HubApi.Reply list = api.get(token("admin"), "/api/admin/clients");
        assertThat(list.json().get("revoked").toString()).contains("council-system");
    }

    private TokenForgery forge() {
        return new TokenForgery(token("police.north"), hubSigningKey);
    }

    private URI attackerJku() {
        return URI.create("http://127.0.0.1:" + attackerJwks.getAddress().getPort() + "/jwks");
    }

    private String revokedClientToken() {
        String real = tokens.freshClient("council-system", uk.gov.essex.mace.support.DemoTokens.CLIENT_SECRET);
        assertThat(api.get(real, "/api/cases").status()).isEqualTo(200);
        HubApi.Reply revoked = api.post(token("admin"), "/api/admin/clients/council-system/revoke", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        return real;
    }

    @Override
    protected String token(String caller) {
        return CallerTokens.of(tokens, baseUrl(), caller);
    }
}
