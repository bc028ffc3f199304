package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Who may see which profile, through every channel (JSON, CSV, PDF), and what bad input gets. */
class ProfileAccessTests extends HubIntegrationTest {

    private static final String PERIOD = "from=2026-01-01&to=2026-03-31";

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("analyst.north", "NORTH", 200), Arguments.of("staysafe.north", "NORTH", 200),
                Arguments.of("chair.north", "NORTH", 200), Arguments.of("coordinator.north", "NORTH", 200),
                Arguments.of("analyst.south", "SOUTH", 200), Arguments.of("coordinator.west", "WEST", 200),
                Arguments.of("analyst.north", "SOUTH", 403), Arguments.of("coordinator.north", "MID", 403),
                Arguments.of("analyst.north", "ALL", 403), Arguments.of("chair.north", "ALL", 403),
                Arguments.of("subcommittee", "ALL", 200), Arguments.of("subcommittee", "NORTH", 403),
                Arguments.of("police.north", "NORTH", 403), Arguments.of("council.north", "NORTH", 403),
                Arguments.of("csc.north", "NORTH", 403), Arguments.of("health.north", "NORTH", 403),
                Arguments.of("admin", "NORTH", 403), Arguments.of("admin", "ALL", 403),
                Arguments.of("auditor", "ALL", 403));
    }

    @ParameterizedTest(name = "{0} asks for {1}: {2}")
    @MethodSource("matrix")
    void whenProfileAskedThenOnlyItsReadersGetItInAnyFormat(String user, String quadrant, int status) {
        String query = "?quadrant=" + quadrant + "&" + PERIOD;
        for (String path : new String[] {"/api/profiles", "/api/profiles/export.csv", "/api/profiles/export.pdf"}) {
            HubApi.Reply reply = api.get(token(user), path + query);

            assertThat(reply.status()).as(path).isEqualTo(status);
            if (status == 403) {
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:forbidden");
            }
        }
    }

    @Test
    void whenPartnerSystemAsksThenForbidden() {
        assertThat(api.get(tokens.client("council-system"), "/api/profiles?quadrant=NORTH&" + PERIOD).status()).isEqualTo(403);
        assertThat(api.get(tokens.client("police-rms"), "/api/profiles/county?" + PERIOD).status()).isEqualTo(403);
        assertThat(api.get(null, "/api/profiles?quadrant=NORTH&" + PERIOD).status()).isEqualTo(401);
    }

    @Test
    void whenDeniedThenTheDecisionPointAuditsIt() {
        Document denial = new Document("action", "access.denied").append("details.action", "PROFILE_READ")
                .append("actor.subject", "police.north");
        long before = mongo.getCollection("audit_entries").countDocuments(denial);

        api.get(token("police.north"), "/api/profiles/export.pdf?quadrant=NORTH&" + PERIOD);

        assertThat(mongo.getCollection("audit_entries").countDocuments(denial)).isEqualTo(before + 1);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("analyst.north", "?quadrant=EAST&" + PERIOD, 400, "unknown-quadrant"),
                Arguments.of("analyst.north", "?" + PERIOD, 400, "quadrant-required"),
                Arguments.of("analyst.north", "?quadrant=NORTH&from=2026-03-31&to=2026-01-01", 400, "invalid-period"),
                Arguments.of("analyst.north", "?quadrant=NORTH&from=2024-01-01&to=2026-01-01", 400, "period-too-long"),
                Arguments.of("analyst.north", "?quadrant=NORTH&from=2026-01-01", 400, "period-required"),
                Arguments.of("analyst.north", "?quadrant=NORTH&from=01/01/2026&to=2026-03-31", 400, "invalid-parameter"),
                Arguments.of("analyst.north", "?quadrant=SOUTH&" + PERIOD, 403, "forbidden"));
    }

    @ParameterizedTest(name = "{1}: {3}")
    @MethodSource("badQueries")
    void whenQueryBadThenProblem(String user, String query, int status, String slug) {
        for (String path : new String[] {"/api/profiles", "/api/profiles/export.csv"}) {
            HubApi.Reply reply = api.get(token(user), path + query);

            assertThat(reply.status()).as(reply.body()).isEqualTo(status);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + slug);
        }
    }

    @Test
    void whenCountyAskedForLongestPeriodThenAnswered() {
        LocalDate from = LocalDate.now().minusYears(2).plusDays(1);
        HubApi.Reply reply = api.get(token("subcommittee"), "/api/profiles/county?from=" + from + "&to=" + LocalDate.now());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("byQuadrant")).hasSize(4);
        assertThat(reply.json().get("suppressionRule").asString()).contains("fewer than 5");
    }
}
