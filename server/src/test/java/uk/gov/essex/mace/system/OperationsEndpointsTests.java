package uk.gov.essex.mace.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Health, metrics and the OpenAPI document. */
class OperationsEndpointsTests extends HubIntegrationTest {

    @Test
    void healthIsUpIncludingDatabase() {
        HubApi.Reply reply = api.get(null, "/actuator/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("UP");
        assertThat(reply.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusNeedsAdministrator() {
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get(token("police.north"), "/actuator/prometheus").status()).isEqualTo(403);

        HubApi.Reply reply = api.get(token("admin"), "/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void openApiDocumentDescribesCases() {
        HubApi.Reply reply = api.get(null, "/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("paths").has("/api/cases/{caseId}")).isTrue();
    }

    @Test
    void jwksPublishesSigningKeyWithoutPrivatePart() {
        HubApi.Reply reply = api.get(null, "/oauth2/jwks");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(reply.json().get("keys").get(0).has("d")).isFalse();
    }

    @Test
    void auditPublicKeyIsPublicButEntriesAreNot() {
        assertThat(api.get(null, "/api/audit/public-key").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/audit/entries").status()).isEqualTo(401);
        assertThat(api.get(token("police.north"), "/api/audit/entries").status()).isEqualTo(403);
        assertThat(api.get(token("auditor"), "/api/audit/entries").status()).isEqualTo(200);
    }
}
