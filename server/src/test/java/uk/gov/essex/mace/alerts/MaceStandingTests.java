package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The history of a child's standing against the MACE criteria is kept, never overwritten, and read
 * by whoever may read the case: each entry and exit, when, for which reasons, and what caused it.
 */
class MaceStandingTests extends HubIntegrationTest {

    private JsonNode standing(String user, String caseId) {
        HubApi.Reply reply = api.get(token(user), "/api/cases/" + caseId + "/mace-standing");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Test
    void whenChildEntersLeavesAndReentersThenEveryChangeIsKept() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        List<String> episodes = mace.episodes(caseId, THREE_IN_28_DAYS);
        mace.assess("police.north", caseId, anAssessment().level("HIGH").knownToBeExploited(true));
        HubApi.Reply deleted = api.send(token("police.north"), "DELETE", "/api/cases/" + caseId + "/missing-episodes/"
                + episodes.get(2), "application/json", "{\"version\":1,\"reason\":\"wrong child\"}");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        mace.assess("police.north", caseId, anAssessment().level("MEDIUM").knownToBeExploited(false)
                .assessedOn(java.time.LocalDate.now()));
        mace.reported("police.north", caseId, Instant.parse("2026-03-25T08:00:00Z"));

        JsonNode s = standing("csc.north", caseId);

        JsonNode history = s.get("history");
        assertThat(history).hasSize(5);
        assertThat(strings(history.get(0).get("entered"))).containsExactly("MISSING_EPISODES");
        assertThat(history.get(0).get("inCriteria").asBoolean()).isTrue();
        assertThat(history.get(0).get("cause").asString()).isEqualTo("missing-episode.reported");
        assertThat(strings(history.get(1).get("entered"))).containsExactly("HIGH_RISK_EXPLOITED");
        assertThat(history.get(1).get("cause").asString()).isEqualTo("assessment");
        assertThat(strings(history.get(2).get("left"))).containsExactly("MISSING_EPISODES");
        assertThat(history.get(2).get("inCriteria").asBoolean()).as("still HIGH and exploited").isTrue();
        assertThat(history.get(2).get("cause").asString()).isEqualTo("missing-episode.deleted");
        assertThat(strings(history.get(3).get("left"))).containsExactly("HIGH_RISK_EXPLOITED");
        assertThat(history.get(3).get("inCriteria").asBoolean()).as("left the criteria altogether").isFalse();
        assertThat(strings(history.get(4).get("entered"))).containsExactly("MISSING_EPISODES");
        assertThat(history.get(4).get("inCriteria").asBoolean()).isTrue();
        for (int i = 1; i < history.size(); i++) {
            assertThat(Instant.parse(history.get(i).get("at").asString()))
                    .isAfterOrEqualTo(Instant.parse(history.get(i - 1).get("at").asString()));
        }
        assertThat(s.get("inCriteria").asBoolean()).isTrue();
        assertThat(strings(s.get("reasons"))).containsExactly("MISSING_EPISODES");
        assertThat(s.get("enteredAt").asString()).isEqualTo(history.get(4).get("at").asString());
        assertThat(s.get("leftAt").isNull()).isTrue();
        // Re-entering numbered a second alert; the first is still there, marked as left.
        assertThat(mace.alerts("coordinator.north", caseId)).extracting(a -> a.get("id").asString())
                .contains(caseId + ":MISSING_EPISODES:2", caseId + ":MISSING_EPISODES:1");
        // Stored once per change, in the standing itself.
        Document stored = mongo.getCollection("mace_status").find(new Document("_id", caseId)).first();
        assertThat(stored.getList("history", Document.class)).hasSize(5);
    }

    @Test
    void whenFullReEvaluationFindsNothingNewThenHistoryUnchanged() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        JsonNode before = standing("police.north", caseId).get("history");

        assertThat(api.post(token("chair.north"), "/api/alerts/re-evaluate", "").status()).isEqualTo(200);

        assertThat(standing("police.north", caseId).get("history")).isEqualTo(before);
    }

    @Test
    void whenNeverEvaluatedThenEmptyHistory() {
        String caseId = new MaceScenario(api, tokens).northCase();

        JsonNode s = standing("coordinator.north", caseId);

        assertThat(s.get("inCriteria").asBoolean()).isFalse();
        assertThat(s.get("history")).isEmpty();
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("coordinator.north", 200), Arguments.of("chair.north", 200), Arguments.of("csc.north", 200),
                Arguments.of("health.north", 403), Arguments.of("coordinator.south", 403), Arguments.of("admin", 403),
                Arguments.of("auditor", 403));
    }

    @ParameterizedTest(name = "{0} reads the MACE standing: {1}")
    @MethodSource("readers")
    void whenReadingStandingThenAsTheCase(String user, int status) {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);

        HubApi.Reply reply = api.get(token(user), "/api/cases/" + caseId + "/mace-standing");

        assertThat(reply.status()).isEqualTo(status);
        if (status == 403) {
            assertThat(reply.body()).doesNotContain("MISSING_EPISODES");
        }
        assertThat(api.get(token(user), "/api/cases/no-such-case/mace-standing").status()).isEqualTo(404);
    }
}
