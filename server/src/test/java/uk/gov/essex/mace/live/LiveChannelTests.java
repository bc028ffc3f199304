package uk.gov.essex.mace.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The live channel's guard, over real WebSocket connections: no token, a bad or expired token, a
 * foreign origin, an unopened destination or a SEND are all refused and audited; a session whose
 * token expires is ended.
 */
class LiveChannelTests extends HubIntegrationTest {

    @Autowired
    RSAKey hubSigningKey;

    @Autowired
    IdentityProperties identity;

    /** A token signed with the hub's own key, as the embedded server would issue it, expiring at {@code exp}. */
    private String hubToken(String subject, Instant exp) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(identity.issuer().toString()).subject(subject)
                .audience(identity.audience()).issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(exp)).claim("agency", "essex-csc").claim("agency_type", "CHILDRENS_SOCIAL_CARE")
                .claim("roles", List.of("MACE_COORDINATOR")).claim("quadrants", List.of("NORTH"))
                .claim("client_id", "hub-cli").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(hubSigningKey.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(hubSigningKey));
        return jwt.serialize();
    }

    private long audited(String action, String outcome) {
        return mongo.getCollection("audit_entries").countDocuments(new Document("action", action).append("outcome", outcome));
    }

    @Test
    void whenValidTokenThenConnectsAndMayListenToOwnAlerts() throws Exception {
        try (LiveClient client = LiveClient.connect(baseUrl(), token("coordinator.north"))) {
            assertThat(client.subscribe("/user/queue/alerts")).isTrue();
            assertThat(client.ended().isDone()).isFalse();
            assertThat(client.connected()).isTrue();
        }
    }

    static Stream<String> badTokens() {
        return Stream.of("", "not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    }

    @ParameterizedTest(name = "token \"{0}\"")
    @MethodSource("badTokens")
    void whenConnectWithBadTokenThenRefusedAndAudited(String token) {
        long before = audited("live.connect", "REJECTED");

        assertThatThrownBy(() -> LiveClient.connect(baseUrl(), token.isEmpty() ? null : token).close());

        assertThat(audited("live.connect", "REJECTED")).isGreaterThan(before);
    }

    @Test
    void whenConnectWithExpiredTokenThenRefused() {
        assertThatThrownBy(() -> LiveClient.connect(baseUrl(), hubToken("coordinator.north",
                Instant.now().minus(Duration.ofMinutes(5)))).close());
    }

    @Test
    void whenOriginNotAllowedThenHandshakeRefused() throws Exception {
        assertThatThrownBy(() -> LiveClient.connect(baseUrl(), token("coordinator.north"), "https://evil.example").close());
        LiveClient.connect(baseUrl(), token("coordinator.north"), "http://localhost:8080").close();
    }

    static Stream<String> closedDestinations() {
        return Stream.of("/topic/alerts", "/queue/alerts", "/queue/alerts-usersomeone-else", "/user/chair.north/queue/alerts",
                "/app/anything");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedDestinations")
    void whenSubscribingToUnopenedDestinationThenRefusedAndSessionEnded(String destination) throws Exception {
        long before = audited("live.subscribe", "DENIED");
        try (LiveClient client = LiveClient.connect(baseUrl(), token("coordinator.north"))) {
            client.subscribe(destination);

            assertThat(client.ended().get(3, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(audited("live.subscribe", "DENIED")).isGreaterThan(before);
    }

    @Test
    void whenSendingThenRefused() throws Exception {
        try (LiveClient client = LiveClient.connect(baseUrl(), token("police.north"))) {
            client.send("/app/alerts", "{}");

            assertThat(client.ended().get(3, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void whenTokenExpiresDuringSessionThenNextFrameEndsIt() throws Exception {
        long before = audited("live.session.expired", "REJECTED");
        try (LiveClient client = LiveClient.connect(baseUrl(), hubToken("coordinator.north",
                Instant.now().plusSeconds(2)))) {
            Thread.sleep(2500);

            client.subscribe("/user/queue/alerts");

            assertThat(client.ended().get(3, TimeUnit.SECONDS)).isNotNull();
        }
        assertThat(audited("live.session.expired", "REJECTED")).isGreaterThan(before);
    }
}
