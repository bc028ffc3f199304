package uk.gov.essex.mace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.TestIssuer;

/** Without configuration, the hub trusts no issuer but its own. */
class ExternalIssuerNotConfiguredTests extends HubIntegrationTest {

    @Test
    void externalIssuerTokenIsRefusedWhenIssuerNotConfigured() {
        try (TestIssuer idp = new TestIssuer("https://idp.health.test")) {
            String token = idp.token("abc", "api://mace-hub", Map.of("preferred_username", "x",
                    "groups", List.of("mace-practitioners"), "mace_quadrants", List.of("NORTH")));

            assertThat(api.get(token, "/api/cases").status()).isEqualTo(401);
        }
    }
}
