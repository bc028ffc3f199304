package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.alerts.MaceScenario;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Exploitation indicators are under handling labels and redaction exactly as intelligence items,
 * through the real filter chain: a viewer outside a label sees a placeholder, or nothing at all when
 * the label withholds even that (police source protection), in the indicator list and in everything
 * derived from indicators (review prompts over HTTP and live, the MACE standing and status, the
 * agenda, the subject access export). The case is North, opened by police with children's social
 * care and health as members.
 */
class IndicatorRedactionTests extends HubIntegrationTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    FieldCipher cipher;

    private String northCase() {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases",
                aCase().member("essex-csc").member("essex-health").json());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private HubApi.Reply record(String user, String caseId, RiskRequests.Indicator indicator) {
        return api.post(token(user), "/api/cases/" + caseId + "/indicators", indicator.json());
    }

    private String recorded(String user, String caseId, RiskRequests.Indicator indicator) {
        HubApi.Reply reply = record(user, caseId, indicator);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private JsonNode list(String user, String caseId) {
        HubApi.Reply reply = api.get(token(user), "/api/cases/" + caseId + "/indicators");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode i : list) {
            if (i.get("id").asString().equals(id)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void whenNoLabelGivenThenAllMembersAndEveryReaderSeesIt() {
        String caseId = northCase();

        HubApi.Reply reply = record("csc.north", caseId, anIndicator());

        assertThat(reply.json().get("label").asString()).isEqualTo("all-members");
        JsonNode seen = find(list("health.north", caseId), reply.json().get("id").asString());
        assertThat(seen.get("withheld")).isNull();
        assertThat(seen.get("sourceNote").asString()).isEqualTo("Seen by a school nurse");
        assertThat(seen.get("indicator").asString()).isEqualTo("MULTIPLE_PHONES_OR_SIMS");
    }

    @Test
    void whenPoliceOnlyThenOtherReadersSeeOnlyAPlaceholder() {
        String caseId = northCase();
        String note = "CANARY-POLICE-ONLY-NOTE-" + run;
        String id = recorded("police.north", caseId, anIndicator().label("police-only")
                .indicator("SEXUALISED_RISK_TAKING_ONLINE").sourceNote(note));

        for (String entitled : List.of("police.north", "chair.north")) {
            JsonNode full = find(list(entitled, caseId), id);
            assertThat(full.get("withheld")).as(entitled).isNull();
            assertThat(full.get("sourceNote").asString()).as(entitled).isEqualTo(note);
            assertThat(full.get("indicator").asString()).isEqualTo("SEXUALISED_RISK_TAKING_ONLINE");
        }
        for (String other : List.of("csc.north", "health.north", "coordinator.north")) {
            HubApi.Reply reply = api.get(token(other), "/api/cases/" + caseId + "/indicators");
            JsonNode placeholder = find(reply.json(), id);
            assertThat(placeholder).as(other + " is told something is withheld").isNotNull();
            assertThat(placeholder.get("withheld").get("label").asString()).isEqualTo("police-only");
            assertThat(placeholder.get("withheld").get("owningAgency").asString()).isEqualTo("essex-police");
            assertThat(placeholder.get("recordedByAgency").asString()).isEqualTo("essex-police");
            for (String hidden : List.of("indicator", "observedOn", "sourceNote", "sourceNoteParts", "recordedBy")) {
                assertThat(placeholder.get(hidden)).as(other + " sees no " + hidden).isNull();
            }
            assertThat(reply.body()).doesNotContain(note).doesNotContain("SEXUALISED_RISK_TAKING_ONLINE");
        }
    }

    @Test
    void whenRestrictedSegmentInNoteThenOnlyItsReadersSeeIt() {
        String caseId = northCase();
        String segment = "CANARY-HEALTH-SEGMENT-" + run;
        String id = recorded("healthlead.north", caseId, anIndicator().indicator("HEALTH_OR_SEXUAL_HEALTH_PROBLEMS")
                .sourceNote("Seen at clinic [[health-clinical:" + segment + "]] on Tuesday"));

        JsonNode police = find(list("police.north", caseId), id);
        JsonNode health = find(list("health.north", caseId), id);

        assertThat(police.get("indicator").asString()).isEqualTo("HEALTH_OR_SEXUAL_HEALTH_PROBLEMS");
        assertThat(police.get("sourceNote").asString()).startsWith("Seen at clinic [withheld: Health clinical")
                .endsWith(" on Tuesday").doesNotContain(segment);
        assertThat(police.get("sourceNoteParts").get(1).get("withheld").get("label").asString()).isEqualTo("health-clinical");
        assertThat(health.get("sourceNote").asString()).isEqualTo("Seen at clinic " + segment + " on Tuesday");
    }

    @Test
    void whenSourceProtectedThenOthersSeeNothingOfItAnywhere() throws Exception {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = northCase();
        String note = "CANARY-SOURCE-PROTECTED-NOTE-" + run;
        List<String> outsiders = List.of("csc.north", "health.north", "coordinator.north", "chair.north");
        try (LiveClient coordinator = LiveClient.connect(baseUrl(), token("coordinator.north"))) {
            assertThat(coordinator.subscribe("/user/queue/alerts")).isTrue();
            recorded("csc.north", caseId, anIndicator().indicator("SCHOOL_EXCLUSION"));
            // A second agency's indicator within 30 days would prompt a review, if it could be counted.
            String hidden = recorded("police.north", caseId, anIndicator().label("police-source-protected")
                    .indicator("GANG_ASSOCIATION").sourceNote(note));

            assertThat(find(list("police.north", caseId), hidden).get("sourceNote").asString()).isEqualTo(note);
            assertThat(coordinator.drain(Duration.ofMillis(500))).as("no live review prompt").noneMatch(
                    m -> caseId.equals(m.get("caseId").asString()));
            for (String outsider : outsiders) {
                JsonNode indicators = list(outsider, caseId);
                assertThat(indicators).as(outsider + " lists only the visible indicator").hasSize(1);
                assertThat(mace.alerts(outsider, caseId)).as(outsider + ": no review prompt from it").isEmpty();
                JsonNode standing = api.get(token(outsider), "/api/cases/" + caseId + "/mace-standing").json();
                assertThat(standing.get("reviewPrompt").asBoolean()).isFalse();
                assertThat(standing.get("history")).isEmpty();
                StringBuilder everything = new StringBuilder(indicators.toString()).append(standing)
                        .append(api.get(token(outsider), "/api/mace-status?caseId=" + caseId).body())
                        .append(api.get(token(outsider), "/api/alerts?limit=500").body());
                assertThat(everything.toString()).as(outsider).doesNotContain(hidden).doesNotContain(note)
                        .doesNotContain("GANG_ASSOCIATION");
            }
            JsonNode export = api.get(token("csc.north"), "/api/cases/" + caseId + "/subject-access-export").json();
            assertThat(export.get("risk").get("indicators")).as("neither released nor counted").hasSize(1);
            assertThat(export.get("withheld").toString()).as("nor listed as withheld").doesNotContain(hidden)
                    .doesNotContain("police-source-protected");
            assertThat(export.toString()).doesNotContain(note).doesNotContain(hidden);

            // The agenda: the case on a North meeting, minutes and all, still shows nothing of it.
            String meetingId = api.post(token("coordinator.north"), "/api/meetings", "{\"quadrant\":\"NORTH\",\"date\":\""
                    + MaceScenario.uniqueMeetingDay() + "\"}").json().get("id").asString();
            assertThat(api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                    "{\"caseId\":\"" + caseId + "\",\"reason\":\"Two agencies worried\"}").status()).isEqualTo(200);
            for (String outsider : List.of("coordinator.north", "chair.north", "csc.north")) {
                assertThat(api.get(token(outsider), "/api/meetings/" + meetingId).body()).as(outsider)
                        .contains(caseId).doesNotContain(hidden).doesNotContain(note).doesNotContain("GANG_ASSOCIATION");
            }

            // The prompt itself works: a second agency that may be counted raises it, live and over HTTP.
            recorded("health.north", caseId, anIndicator().indicator("MARKS_OR_SCARS"));
            JsonNode prompt = coordinator.next(m -> caseId.equals(m.get("caseId").asString()), Duration.ofSeconds(5));
            assertThat(prompt).isNotNull();
            assertThat(prompt.get("reason").asString()).isEqualTo("REVIEW_PROMPT");
            assertThat(prompt.get("trigger").asString()).isEqualTo("indicator");
        }
    }

    @Test
    void whenPlaceholderLabelFromSecondAgencyThenReviewPromptCountsIt() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = northCase();
        recorded("csc.north", caseId, anIndicator());

        recorded("police.north", caseId, anIndicator().label("police-only").indicator("UNEXPLAINED_MONEY_OR_GIFTS"));

        assertThat(mace.alerts("health.north", caseId)).extracting(a -> a.get("reason").asString())
                .containsExactly("REVIEW_PROMPT");
    }

    static Stream<Arguments> badLabels() {
        return Stream.of(
                Arguments.of("an unknown label", "csc.north", anIndicator().label("no-such-label"), "unknown-label"),
                Arguments.of("a label the recorder could not read", "csc.north", anIndicator().label("police-only"),
                        "label-excludes-author"),
                Arguments.of("a segment under an unknown label", "police.north",
                        anIndicator().sourceNote("a [[no-such-label:b]]"), "unknown-label"),
                Arguments.of("a segment less strict than the indicator", "police.north",
                        anIndicator().label("police-only").sourceNote("a [[all-members:b]]"), "segment-label-weaker"),
                Arguments.of("a segment the recorder could not read", "csc.north",
                        anIndicator().sourceNote("a [[health-clinical:b]]"), "label-excludes-author"),
                Arguments.of("malformed segment markup", "police.north",
                        anIndicator().sourceNote("a [[police-only:b"), "malformed-segment"));
    }

    @ParameterizedTest(name = "{0}: 400 {3}")
    @MethodSource("badLabels")
    void whenLabelBadThenProblemAndNothingStored(String name, String user, RiskRequests.Indicator indicator, String type) {
        String caseId = northCase();

        HubApi.Reply reply = record(user, caseId, indicator);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + type);
        assertThat(mongo.getCollection("case_risk").find(new Document("_id", caseId)).first()).isNull();
    }

    @Test
    void whenIndicatorStoredBeforeLabelsThenReadAsAllMembers() {
        String caseId = northCase();
        String id = UUID.randomUUID().toString();
        byte[] note = cipher.sealText(new FieldContext(caseId, "indicator", id, "sourceNote", 1), "Seen at the bus station");
        mongo.getCollection("case_risk").insertOne(new Document("_id", caseId).append("version", 1L)
                .append("assessments", List.of()).append("episodes", List.of())
                .append("indicators", List.of(new Document("id", id).append("indicator", "CHANGE_IN_BEHAVIOUR")
                        .append("observedOn", "2026-11-01").append("sourceNote", new Binary(note))
                        .append("recordedBy", "csc.north").append("recordedByAgency", "essex-csc")
                        .append("recordedAt", new java.util.Date()))));

        JsonNode seen = find(list("health.north", caseId), id);

        assertThat(seen.get("label").asString()).isEqualTo("all-members");
        assertThat(seen.get("sourceNote").asString()).isEqualTo("Seen at the bus station");
    }

    @Test
    void whenStoredThenLabelInTheClearAndNoteSealedPartByPart() {
        String caseId = northCase();
        String plain = "CANARY-NOTE-PLAIN-" + run;
        String restricted = "CANARY-NOTE-SEGMENT-" + run;

        recorded("police.north", caseId, anIndicator().label("police-and-csc")
                .sourceNote(plain + " [[police-only:" + restricted + "]]"));

        Document stored = mongo.getCollection("case_risk").find(new Document("_id", caseId)).first();
        Document indicator = stored.getList("indicators", Document.class).get(0);
        assertThat(indicator.getString("label")).isEqualTo("police-and-csc");
        List<String> partLabels = new ArrayList<>();
        indicator.getList("sourceNoteParts", Document.class).forEach(p -> partLabels.add(p.getString("label")));
        assertThat(partLabels).containsExactly(null, "police-only");
        assertThat(stored.toJson()).doesNotContain(plain).doesNotContain(restricted);
    }
}
