package uk.gov.essex.mace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.DemoUsers;
import uk.gov.essex.mace.support.DevTokenScript;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * {@code scripts/dev-token} drives the real authorization code + PKCE flow for every demo user in
 * {@code config/demo/identity.yml}, and the token it prints carries that user's configured agency,
 * roles and quadrants. (Over HTTPS with the hub's own certificate: {@code TlsTests}.)
 */
class DevTokenScriptTests extends HubIntegrationTest {

    @Autowired
    IdentityProperties identity;

    @Autowired
    Partnership partnership;

    static Stream<Named<IdentityProperties.User>> demoUsers() {
        return DemoUsers.all().stream().map(user -> Named.of(user.username(), user));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void devTokenGivesEachDemoUserATokenWithTheirConfiguredClaims(IdentityProperties.User user) throws Exception {
        DevTokenScript.Result result = DevTokenScript.against(baseUrl()).run(user.username(), DemoTokens.PASSWORD);

        assertThat(result.exit()).as(result.stderr()).isZero();
        JsonNode claims = result.claims();
        assertThat(claims.get("sub").asString()).isEqualTo(user.username());
        assertThat(claims.get("agency").asString()).isEqualTo(user.agency());
        assertThat(claims.get("agency_type").asString())
                .isEqualTo(partnership.agency(user.agency()).orElseThrow().type().name());
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(user.roles().stream().map(Enum::name).toList());
        assertThat(claims.get("quadrants").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(user.quadrants().stream().map(Enum::name).toList());
        assertThat(api.get(result.token(), "/api/cases").status()).as("the hub accepts the token").isNotEqualTo(401);
    }

    @Test
    void theParameterListIsExactlyTheDemoUsersTheHubLoaded() {
        assertThat(DemoUsers.all().stream().map(IdentityProperties.User::username))
                .containsExactlyInAnyOrderElementsOf(identity.users().stream().map(IdentityProperties.User::username).toList())
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void devTokenWithWrongPasswordFails() throws Exception {
        DevTokenScript.Result result = DevTokenScript.against(baseUrl()).run("police.north", "wrong-password");

        assertThat(result.exit()).isNotZero();
        assertThat(result.stdout()).isBlank();
        assertThat(result.stderr()).contains("sign-in failed for police.north");
    }
}
