package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Alerts raised by real writes, seen and moved through their life by real users over HTTP. */
class AlertLifecycleTests extends HubIntegrationTest {

    MaceScenario mace;

    @BeforeEach
    void scenario() {
        mace = new MaceScenario(api, tokens);
    }

    private long alertDocuments(String caseId) {
        return mongo.getCollection("alerts").countDocuments(new Document("caseId", caseId));
    }

    @Test
    void whenThirdEpisodeWithin28DaysThenAlerts() {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS.subList(0, 2));
        assertThat(alertDocuments(caseId)).isZero();

        mace.reported("police.north", caseId, THREE_IN_28_DAYS.get(2));

        JsonNode alert = mace.onlyAlert("coordinator.north", caseId);
        assertThat(alert.get("id").asString()).isEqualTo(caseId + ":MISSING_EPISODES:1");
        assertThat(alert.get("status").asString()).isEqualTo("OPEN");
        assertThat(alert.get("trigger").asString()).isEqualTo("missing-episode.reported");
        assertThat(mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "alert.raised").append("targets", alert.get("id").asString()))).isEqualTo(1);
    }

    @Test
    void whenThirdEpisodeExactly28DaysLaterThenNoAlert() {
        String caseId = mace.northCase();

        mace.episodes(caseId, List.of(Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-20T09:00:00Z"),
                Instant.parse("2026-04-07T11:00:00Z")));

        assertThat(alertDocuments(caseId)).isZero();
    }

    static Stream<Arguments> alertReaders() {
        return Stream.of(
                Arguments.of("coordinator.north", true, "coordinator of the quadrant"),
                Arguments.of("chair.north", true, "chair of the quadrant"),
                Arguments.of("police.north", true, "member agency's staff"),
                Arguments.of("csc.north", true, "member agency's staff"),
                Arguments.of("health.north", false, "not a member"),
                Arguments.of("coordinator.south", false, "coordinator of another quadrant"),
                Arguments.of("admin", false, "administrator reads no case content"),
                Arguments.of("auditor", false, "auditor reads no case content"));
    }

    @ParameterizedTest(name = "{0} sees the alert: {1} ({2})")
    @MethodSource("alertReaders")
    void whenAlertRaisedThenOnlyPermittedUsersSeeIt(String user, boolean sees, String why) {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);

        assertThat(mace.alerts(user, caseId)).as(why).hasSize(sees ? 1 : 0);
        HubApi.Reply direct = api.get(token(user), "/api/alerts/" + caseId + ":MISSING_EPISODES:1");
        assertThat(direct.status()).as(why).isEqualTo(sees ? 200 : 403);
    }

    static Stream<Arguments> acknowledgers() {
        return Stream.of(
                Arguments.of("coordinator.north", 200),
                Arguments.of("chair.north", 200),
                Arguments.of("police.north", 403),
                Arguments.of("coordinator.south", 403),
                Arguments.of("admin", 403));
    }

    @ParameterizedTest(name = "{0} acknowledges: {1}")
    @MethodSource("acknowledgers")
    void whenAcknowledgedThenOnlyQuadrantOversightMay(String user, int status) {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alertId = caseId + ":MISSING_EPISODES:1";

        HubApi.Reply reply = api.post(token(user), "/api/alerts/" + alertId + "/acknowledge", "");

        assertThat(reply.status()).isEqualTo(status);
        String expected = status == 200 ? "ACKNOWLEDGED" : "OPEN";
        assertThat(mace.onlyAlert("coordinator.north", caseId).get("status").asString()).isEqualTo(expected);
    }

    @Test
    void whenAcknowledgedTwiceThenConflictAndThenClosed() {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alert = "/api/alerts/" + caseId + ":MISSING_EPISODES:1";

        assertThat(api.post(token("coordinator.north"), alert + "/close", "").status()).isEqualTo(409);
        assertThat(api.post(token("coordinator.north"), alert + "/acknowledge", "").json().get("acknowledgedBy")
                .asString()).isEqualTo("coordinator.north");
        HubApi.Reply again = api.post(token("chair.north"), alert + "/acknowledge", "");
        HubApi.Reply closed = api.post(token("chair.north"), alert + "/close", "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:alert-status");
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.get(token("coordinator.north"), "/api/alerts/no-such-alert").status()).isEqualTo(404);
    }

    @Test
    void whenCorrectionMovesEpisodeOutThenLeavesAndReentryRaisesNewAlert() {
        String caseId = mace.northCase();
        List<String> ids = mace.episodes(caseId, THREE_IN_28_DAYS);
        String third = "/api/cases/" + caseId + "/missing-episodes/" + ids.get(2);

        HubApi.Reply corrected = api.send(token("police.north"), "PUT", third, "application/json", anEpisode()
                .version(1).startedAt(Instant.parse("2026-04-20T10:00:00Z")).reason("wrong date typed").json());
        JsonNode afterCorrection = mace.onlyAlert("coordinator.north", caseId);
        api.send(token("police.north"), "PUT", third, "application/json", anEpisode()
                .version(2).startedAt(Instant.parse("2026-04-01T10:00:00Z")).reason("date confirmed by CAD").json());

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(afterCorrection.get("criteriaLeftAt").isNull()).isFalse();
        List<JsonNode> alerts = mace.alerts("coordinator.north", caseId);
        assertThat(alerts).extracting(a -> a.get("id").asString())
                .containsExactlyInAnyOrder(caseId + ":MISSING_EPISODES:1", caseId + ":MISSING_EPISODES:2");
    }

    @Test
    void whenEpisodeDeletedThenCaseLeavesCriteria() {
        String caseId = mace.northCase();
        List<String> ids = mace.episodes(caseId, THREE_IN_28_DAYS);

        HubApi.Reply deleted = api.send(token("csc.north"), "DELETE", "/api/cases/" + caseId + "/missing-episodes/"
                + ids.get(0), "application/json", "{\"version\":1,\"reason\":\"duplicate report\"}");

        assertThat(deleted.status()).isEqualTo(200);
        Document status = mongo.getCollection("mace_status").find(new Document("_id", caseId)).first();
        assertThat(status.getBoolean("inCriteria")).isFalse();
        assertThat(mace.onlyAlert("coordinator.north", caseId).get("criteriaLeftAt").isNull()).isFalse();
    }

    @Test
    void whenLateBackDatedReportCompletesWindowThenAlerts() {
        String caseId = mace.northCase();
        mace.episodes(caseId, List.of(THREE_IN_28_DAYS.get(2), THREE_IN_28_DAYS.get(1)));

        HubApi.Reply late = mace.report("csc.north", caseId, THREE_IN_28_DAYS.get(0));

        assertThat(late.json().get("lateReport").asBoolean()).isTrue();
        assertThat(mace.onlyAlert("coordinator.north", caseId).get("reason").asString()).isEqualTo("MISSING_EPISODES");
    }

    @Test
    void whenAssessedHighAndKnownExploitedThenAlertsAndLowerAssessmentLeaves() {
        String caseId = mace.northCase();

        mace.assess("csc.north", caseId, anAssessment().level("HIGH").knownToBeExploited(true));
        JsonNode alert = mace.onlyAlert("chair.north", caseId);
        mace.assess("csc.north", caseId, anAssessment().level("MEDIUM").assessedOn(java.time.LocalDate.now()));

        assertThat(alert.get("reason").asString()).isEqualTo("HIGH_RISK_EXPLOITED");
        assertThat(mace.onlyAlert("chair.north", caseId).get("criteriaLeftAt").isNull()).isFalse();
    }

    @Test
    void whenTwoAgenciesRecordIndicatorsThenReviewPromptNotMaceAlert() {
        String caseId = mace.openCase("police.north", "Colchester", "essex-health");
        mace.assess("police.north", caseId, anAssessment().level("MEDIUM").knownToBeExploited(false));

        api.post(token("police.north"), "/api/cases/" + caseId + "/indicators", anIndicator().json());
        assertThat(mace.alerts("coordinator.north", caseId)).isEmpty();
        api.post(token("health.north"), "/api/cases/" + caseId + "/indicators",
                anIndicator().indicator("MARKS_OR_SCARS").json());

        JsonNode prompt = mace.onlyAlert("police.north", caseId);
        assertThat(prompt.get("reason").asString()).isEqualTo("REVIEW_PROMPT");
        assertThat(prompt.get("maceCriterion").asBoolean()).isFalse();
        Document status = mongo.getCollection("mace_status").find(new Document("_id", caseId)).first();
        assertThat(status.getBoolean("inCriteria")).isFalse();
    }

    static Stream<Arguments> reEvaluators() {
        return Stream.of(Arguments.of("chair.north", 200), Arguments.of("admin", 200),
                Arguments.of("coordinator.north", 403), Arguments.of("police.north", 403));
    }

    @ParameterizedTest(name = "{0} re-evaluates: {1}")
    @MethodSource("reEvaluators")
    void whenReEvaluatedThenOnlyAdminOrChairAndNoDuplicateAlert(String user, int status) {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);

        HubApi.Reply reply = api.post(token(user), "/api/alerts/re-evaluate", "");

        assertThat(reply.status()).isEqualTo(status);
        assertThat(alertDocuments(caseId)).isEqualTo(1);
        if (status == 200) {
            assertThat(reply.json().get("cases").asInt()).isPositive();
            assertThat(reply.body()).doesNotContain(caseId);
        }
    }
}
