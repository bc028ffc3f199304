package uk.gov.essex.mace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.TestIssuer;

/**
 * A second, locally generated issuer is trusted when configured, and its claims are mapped to
 * agency, roles and quadrants exactly as configured: unmapped values are dropped, not guessed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ExternalIssuerTests {

    static final TestIssuer HEALTH_IDP = new TestIssuer("https://idp.health.test");
    static final TestIssuer UNTRUSTED_IDP = new TestIssuer("https://idp.untrusted.test");

    @DynamicPropertySource
    static void trustHealthIdp(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-ext-");
        registry.add("hub.storage.data-dir", dataDir::toString);
        registry.add("hub.identity.trusted-issuers[0].issuer-uri", HEALTH_IDP::issuer);
        registry.add("hub.identity.trusted-issuers[0].jwk-set-uri", HEALTH_IDP::jwkSetUri);
        registry.add("hub.identity.trusted-issuers[0].audience", () -> "api://mace-hub");
        registry.add("hub.identity.trusted-issuers[0].agency", () -> "essex-health");
        registry.add("hub.identity.trusted-issuers[0].subject-claim", () -> "preferred_username");
        registry.add("hub.identity.trusted-issuers[0].roles-claim", () -> "groups");
        registry.add("hub.identity.trusted-issuers[0].role-mapping.[mace-practitioners]", () -> "PRACTITIONER");
        registry.add("hub.identity.trusted-issuers[0].quadrants-claim", () -> "mace_quadrants");
    }

    @LocalServerPort
    int port;

    HubApi api;

    @BeforeEach
    void connect() {
        api = new HubApi("http://localhost:" + port);
    }

    private String healthToken(Map<String, Object> claims) {
        return HEALTH_IDP.token("abc-123", "api://mace-hub", claims);
    }

    @Test
    void configuredIssuerTokenIsMappedExactlyAsConfigured() {
        String token = healthToken(Map.of(
                "preferred_username", "nurse.jones@health.test",
                "groups", List.of("mace-practitioners", "hospital-admins"),
                "mace_quadrants", List.of("NORTH", "ATLANTIS")));

        HubApi.Reply opened = api.post(token, "/api/cases", aCase().json());

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("openedBy").asString()).isEqualTo("nurse.jones@health.test");
        assertThat(opened.json().get("openedByAgency").asString()).isEqualTo("essex-health");
        // Only NORTH was mapped: a case in the South is outside the caller's quadrants.
        assertThat(api.post(token, "/api/cases", aCase().district("Basildon").json()).status()).isEqualTo(403);
    }

    @Test
    void configuredIssuerTokenWithNoMappedRoleIsRefused() {
        String token = healthToken(Map.of("preferred_username", "x", "groups", List.of("hospital-admins"),
                "mace_quadrants", List.of("NORTH")));

        assertThat(api.get(token, "/api/cases").status()).isEqualTo(401);
    }

    @Test
    void configuredIssuerTokenForAnotherAudienceIsRefused() {
        String token = HEALTH_IDP.token("abc", "api://something-else",
                Map.of("preferred_username", "x", "groups", List.of("mace-practitioners")));

        assertThat(api.get(token, "/api/cases").status()).isEqualTo(401);
    }

    @Test
    void configuredIssuerExpiredTokenIsRefused() {
        String token = HEALTH_IDP.token("abc", "api://mace-hub",
                Map.of("preferred_username", "x", "groups", List.of("mace-practitioners")), Instant.now().minusSeconds(3600));

        assertThat(api.get(token, "/api/cases").status()).isEqualTo(401);
    }

    @Test
    void unconfiguredIssuerTokenIsRefused() {
        String token = UNTRUSTED_IDP.token("abc", "api://mace-hub",
                Map.of("preferred_username", "x", "groups", List.of("mace-practitioners"), "mace_quadrants", List.of("NORTH")));

        HubApi.Reply reply = api.get(token, "/api/cases");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tokenClaimingTrustedIssuerButSignedByAnotherKeyIsRefused() {
        TestIssuer impostor = new TestIssuer(HEALTH_IDP.issuer());
        String token = impostor.token("abc", "api://mace-hub",
                Map.of("preferred_username", "x", "groups", List.of("mace-practitioners"), "mace_quadrants", List.of("NORTH")));

        assertThat(api.get(token, "/api/cases").status()).isEqualTo(401);
        impostor.close();
    }
}
