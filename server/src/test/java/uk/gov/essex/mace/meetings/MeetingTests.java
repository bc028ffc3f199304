package uk.gov.essex.mace.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;
import static uk.gov.essex.mace.alerts.MaceScenario.uniqueMeetingDay;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.alerts.MaceScenario;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** MACE Part 1 meetings through the real filter chain: who may hold them, minutes, actions, bad input. */
class MeetingTests extends HubIntegrationTest {

    MaceScenario mace;

    @BeforeEach
    void scenario() {
        mace = new MaceScenario(api, tokens);
    }

    private HubApi.Reply create(String user, String quadrant, LocalDate day) {
        return api.post(token(user), "/api/meetings", "{\"quadrant\":\"" + quadrant + "\",\"date\":\"" + day + "\"}");
    }

    /** A North meeting with a North case in the criteria on its agenda. */
    private String[] meetingWithCase() {
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        HubApi.Reply meeting = create("coordinator.north", "NORTH", uniqueMeetingDay());
        assertThat(meeting.status()).isEqualTo(201);
        return new String[] {meeting.json().get("id").asString(), caseId};
    }

    static Stream<Arguments> organisers() {
        return Stream.of(
                Arguments.of("coordinator.north", 201), Arguments.of("chair.north", 201),
                Arguments.of("coordinator.south", 403), Arguments.of("police.north", 403),
                Arguments.of("admin", 403), Arguments.of("auditor", 403));
    }

    @ParameterizedTest(name = "{0} creates a North meeting: {1}")
    @MethodSource("organisers")
    void whenCreatingMeetingThenOnlyCoordinatorOrChairOfTheQuadrant(String user, int status) {
        long before = mongo.getCollection("meetings").countDocuments();

        HubApi.Reply reply = create(user, "NORTH", uniqueMeetingDay());

        assertThat(reply.status()).isEqualTo(status);
        assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(before + (status == 201 ? 1 : 0));
    }

    @Test
    void whenMeetingBadThenProblemAndNothingCreated() {
        LocalDate day = uniqueMeetingDay();
        create("coordinator.north", "NORTH", day);
        long before = mongo.getCollection("meetings").countDocuments();

        HubApi.Reply unknown = create("coordinator.north", "EAST", uniqueMeetingDay());
        HubApi.Reply again = create("coordinator.north", "NORTH", day);
        HubApi.Reply undated = api.post(token("coordinator.north"), "/api/meetings", "{\"quadrant\":\"NORTH\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unknown-quadrant");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:meeting-exists");
        assertThat(undated.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:validation");
        assertThat(mongo.getCollection("meetings").countDocuments()).isEqualTo(before);
    }

    @Test
    void whenListingMeetingsThenOnlyQuadrantsTheCallerMayRead() {
        String id = create("coordinator.north", "NORTH", uniqueMeetingDay()).json().get("id").asString();

        JsonNode north = api.get(token("police.north"), "/api/meetings").json();
        JsonNode south = api.get(token("coordinator.south"), "/api/meetings").json();
        JsonNode southAskingNorth = api.get(token("coordinator.south"), "/api/meetings?quadrant=NORTH").json();

        assertThat(north).extracting(m -> m.get("id").asString()).contains(id);
        assertThat(south).extracting(m -> m.get("id").asString()).doesNotContain(id);
        assertThat(southAskingNorth).isEmpty();
        assertThat(api.get(token("admin"), "/api/meetings").json()).isEmpty();
        assertThat(api.get(token("coordinator.north"), "/api/meetings?quadrant=EAST").status()).isEqualTo(400);
    }

    @Test
    void whenMeetingHeldThenAgendaNoLongerRebuiltButStillEditable() {
        LocalDate past = uniqueMeetingDay().minusYears(20);
        String id = create("coordinator.north", "NORTH", past).json().get("id").asString();

        HubApi.Reply refresh = api.post(token("coordinator.north"), "/api/meetings/" + id + "/agenda/refresh", "");
        HubApi.Reply added = api.post(token("coordinator.north"), "/api/meetings/" + id + "/agenda",
                "{\"caseId\":\"" + mace.northCase() + "\",\"reason\":\"Minuted late\"}");

        assertThat(refresh.status()).isEqualTo(409);
        assertThat(refresh.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:meeting-held");
        assertThat(added.status()).isEqualTo(200);
        assertThat(api.get(token("coordinator.north"), "/api/meetings/no-such-meeting").status()).isEqualTo(404);
    }

    @Test
    void whenMinutesRecordedThenSealedAtRestAndShownOnlyToThoseWhoMayReadTheCase() {
        String[] m = meetingWithCase();
        String minutes = "Agreed a joint visit; disruption at Colchester station";

        HubApi.Reply recorded = api.send(token("coordinator.north"), "PUT",
                "/api/meetings/" + m[0] + "/cases/" + m[1] + "/minutes", "application/json", "{\"text\":\"" + minutes + "\"}");

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().get("minutes").asString()).isEqualTo(minutes);
        Document stored = mongo.getCollection("meetings").find(new Document("_id", m[0])).first();
        assertThat(stored.toJson()).doesNotContain("Colchester station");
        Binary sealed = stored.getList("minutes", Document.class).get(0).getList("parts", Document.class).get(0)
                .get("sealed", Binary.class);
        assertThat(new String(sealed.getData())).doesNotContain("joint visit");
        HubApi.Reply member = api.get(token("police.north"), "/api/meetings/" + m[0]);
        HubApi.Reply nonMember = api.get(token("health.north"), "/api/meetings/" + m[0]);
        assertThat(member.body()).contains(minutes);
        assertThat(nonMember.status()).isEqualTo(200);
        assertThat(nonMember.body()).doesNotContain(minutes).doesNotContain(m[1]);
        assertThat(nonMember.json().get("withheldItems").asInt()).isPositive();
        assertThat(api.get(token("coordinator.south"), "/api/meetings/" + m[0]).status()).isEqualTo(403);
        assertThat(api.get(token("admin"), "/api/meetings/" + m[0]).status()).isEqualTo(403);
    }

    private HubApi.Reply minutes(String user, String[] m, String body) {
        return api.send(token(user), "PUT", "/api/meetings/" + m[0] + "/cases/" + m[1] + "/minutes", "application/json", body);
    }

    private static JsonNode item(HubApi.Reply meeting, String caseId) {
        for (JsonNode i : meeting.json().get("agenda")) {
            if (i.get("caseId").asString().equals(caseId)) {
                return i;
            }
        }
        throw new AssertionError("case not on the agenda as seen");
    }

    @Test
    void whenMinutesHaveRestrictedSegmentThenRedactedAsIntelligence() {
        String[] m = meetingWithCase();
        api.post(token("police.north"), "/api/cases/" + m[1] + "/members", "{\"agencyId\":\"essex-health\"}");
        String restricted = "CANARY-MINUTES-SEGMENT-" + java.util.UUID.randomUUID();

        HubApi.Reply recorded = minutes("coordinator.north", m,
                "{\"text\":\"Joint visit agreed. [[police-and-csc:" + restricted + "]] Review in a month.\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("minutesLabel").asString()).isEqualTo("all-members");
        JsonNode police = item(api.get(token("police.north"), "/api/meetings/" + m[0]), m[1]);
        HubApi.Reply healthView = api.get(token("health.north"), "/api/meetings/" + m[0]);
        JsonNode health = item(healthView, m[1]);
        assertThat(police.get("minutes").asString()).contains(restricted);
        assertThat(health.get("minutes").asString()).startsWith("Joint visit agreed. [withheld: Police and children's social care")
                .endsWith(" Review in a month.");
        assertThat(health.get("minutesParts").get(1).get("withheld").get("label").asString()).isEqualTo("police-and-csc");
        assertThat(healthView.body()).doesNotContain(restricted);
    }

    @Test
    void whenMinutesUnderLabelThenOthersSeePlaceholderOnly() {
        String[] m = meetingWithCase();
        String text = "CANARY-POLICE-MINUTES-" + java.util.UUID.randomUUID();

        HubApi.Reply recorded = minutes("chair.north", m, "{\"text\":\"" + text + "\",\"label\":\"police-only\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(item(api.get(token("police.north"), "/api/meetings/" + m[0]), m[1]).get("minutes").asString())
                .isEqualTo(text);
        HubApi.Reply coordinator = api.get(token("coordinator.north"), "/api/meetings/" + m[0]);
        JsonNode seen = item(coordinator, m[1]);
        assertThat(seen.get("minutes").isNull()).isTrue();
        assertThat(seen.get("minutesWithheld").get("label").asString()).isEqualTo("police-only");
        assertThat(seen.get("minutesWithheld").get("owningAgency").asString()).isEqualTo("essex-police");
        assertThat(coordinator.body()).doesNotContain(text);
    }

    @Test
    void whenMinutesLabelBadThenProblemAndNothingRecorded() {
        String[] m = meetingWithCase();

        HubApi.Reply excluded = minutes("coordinator.north", m, "{\"text\":\"x\",\"label\":\"police-only\"}");
        HubApi.Reply unknown = minutes("coordinator.north", m, "{\"text\":\"x\",\"label\":\"no-such-label\"}");
        HubApi.Reply weaker = minutes("chair.north", m, "{\"text\":\"a [[all-members:b]]\",\"label\":\"police-only\"}");
        HubApi.Reply hiding = minutes("chair.north", m, "{\"text\":\"x\",\"label\":\"police-source-protected\"}");

        assertThat(excluded.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:label-excludes-author");
        // refused to everyone alike, so a correction's refusal never reveals hidden minutes
        assertThat(hiding.status()).isEqualTo(400);
        assertThat(hiding.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:label-not-for-minutes");
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unknown-label");
        assertThat(weaker.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:segment-label-weaker");
        Document stored = mongo.getCollection("meetings").find(new Document("_id", m[0])).first();
        assertThat(stored.getList("minutes", Document.class)).isEmpty();
    }

    private static List<Document> storedMinutes(Document meeting, String caseId) {
        return meeting.getList("minutes", Document.class).stream().filter(n -> caseId.equals(n.getString("caseId")))
                .toList();
    }

    @Test
    void whenMinutesRecordedAgainThenEachRevisionKeptSealedAndTheMeetingShowsTheLatest() {
        String[] m = meetingWithCase();
        String run = java.util.UUID.randomUUID().toString();
        List<String> texts = List.of("CANARY-MINUTES-FIRST-" + run, "CANARY-MINUTES-SECOND-" + run,
                "CANARY-MINUTES-THIRD-" + run);

        for (String text : texts) {
            HubApi.Reply recorded = minutes("coordinator.north", m, "{\"text\":\"" + text + "\"}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
            assertThat(recorded.json().get("minutes").asString()).isEqualTo(text);
        }

        Document stored = mongo.getCollection("meetings").find(new Document("_id", m[0])).first();
        assertThat(storedMinutes(stored, m[1])).extracting(n -> n.getInteger("revision")).containsExactly(1, 2, 3);
        assertThat(storedMinutes(stored, m[1])).allSatisfy(n -> {
            assertThat(n.getString("label")).isEqualTo("all-members");
            assertThat(n.getList("parts", Document.class).get(0).get("sealed")).isInstanceOf(Binary.class);
        });
        texts.forEach(t -> assertThat(stored.toJson()).doesNotContain(t));
        assertThat(item(api.get(token("police.north"), "/api/meetings/" + m[0]), m[1]).get("minutes").asString())
                .isEqualTo(texts.get(2));
    }

    @Test
    void whenMinutesCorrectionBadThenProblemAndNoRevisionAdded() {
        String[] m = meetingWithCase();
        assertThat(minutes("chair.north", m, "{\"text\":\"Police minutes\",\"label\":\"police-only\"}").status())
                .isEqualTo(200);

        HubApi.Reply blind = minutes("coordinator.north", m, "{\"text\":\"x\"}");
        HubApi.Reply relabelled = minutes("chair.north", m, "{\"text\":\"x\",\"label\":\"all-members\"}");
        HubApi.Reply blank = minutes("chair.north", m, "{\"text\":\" \"}");
        HubApi.Reply weaker = minutes("chair.north", m, "{\"text\":\"a [[all-members:b]]\"}");

        assertThat(blind.status()).isEqualTo(400);
        assertThat(blind.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:label-excludes-author");
        assertThat(relabelled.status()).isEqualTo(409);
        assertThat(relabelled.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:minutes-label-fixed");
        assertThat(blank.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:validation");
        assertThat(weaker.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:segment-label-weaker");
        for (HubApi.Reply refused : List.of(blind, relabelled, blank, weaker)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Document stored = mongo.getCollection("meetings").find(new Document("_id", m[0])).first();
        assertThat(storedMinutes(stored, m[1])).extracting(n -> n.getInteger("revision")).containsExactly(1);
        assertThat(item(api.get(token("police.north"), "/api/meetings/" + m[0]), m[1]).get("minutes").asString())
                .isEqualTo("Police minutes");
    }

    @Test
    void whenAgendaReasonsGivenThenSealedAtRestAndShownToCaseReaders() {
        String meetingId = create("coordinator.north", "NORTH", uniqueMeetingDay()).json().get("id").asString();
        String caseId = mace.northCase();
        String why = "CANARY-AGENDA-REASON-" + java.util.UUID.randomUUID();
        String whyNot = "CANARY-AGENDA-REMOVED-" + java.util.UUID.randomUUID();

        api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"" + why + "\"}");
        HubApi.Reply removed = api.send(token("coordinator.north"), "DELETE", "/api/meetings/" + meetingId + "/agenda/"
                + caseId, "application/json", "{\"reason\":\"" + whyNot + "\"}");

        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode seen = item(api.get(token("csc.north"), "/api/meetings/" + meetingId), caseId);
        assertThat(seen.get("reason").asString()).isEqualTo(why);
        assertThat(seen.get("removedReason").asString()).isEqualTo(whyNot);
        assertThat(api.get(token("health.north"), "/api/meetings/" + meetingId).body()).doesNotContain(why)
                .doesNotContain(whyNot);
        Document stored = mongo.getCollection("meetings").find(new Document("_id", meetingId)).first();
        assertThat(stored.toJson()).doesNotContain(why).doesNotContain(whyNot);
        Document item = stored.getList("agenda", Document.class).stream()
                .filter(i -> caseId.equals(i.getString("caseId"))).findFirst().orElseThrow();
        assertThat(item.get("reason")).isInstanceOf(Binary.class);
        assertThat(item.get("removedReason")).isInstanceOf(Binary.class);
    }

    static Stream<Arguments> badActions() {
        String good = ",\"kind\":\"ACTION\",\"type\":\"DISRUPTION_OPPORTUNITY\",\"description\":\"Licensing visit\",\"dueDate\":\"2027-01-10\"";
        return Stream.of(
                Arguments.of("no owner", "{" + good.substring(1) + "}", 400, "validation"),
                Arguments.of("unknown owner", "{\"ownerAgency\":\"no-such-agency\"" + good + "}", 400, "unknown-agency"),
                Arguments.of("unknown type", "{\"ownerAgency\":\"colchester-council\",\"kind\":\"ACTION\",\"type\":\"ARREST\","
                        + "\"description\":\"x\",\"dueDate\":\"2027-01-10\"}", 400, "malformed-body"),
                Arguments.of("no due date", "{\"ownerAgency\":\"colchester-council\",\"kind\":\"ACTION\",\"type\":\"PLAN\","
                        + "\"description\":\"x\"}", 400, "validation"));
    }

    @ParameterizedTest(name = "action with {0}")
    @MethodSource("badActions")
    void whenActionBadThenProblemAndNothingRecorded(String name, String body, int status, String type) {
        String[] m = meetingWithCase();

        HubApi.Reply reply = api.post(token("coordinator.north"), "/api/meetings/" + m[0] + "/cases/" + m[1] + "/actions",
                body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + type);
        Document stored = mongo.getCollection("meetings").find(new Document("_id", m[0])).first();
        assertThat(stored.getList("actions", Document.class)).isEmpty();
    }

    @Test
    void whenActionForCaseNotOnAgendaThenRefused() {
        String[] m = meetingWithCase();
        String other = mace.openCase("police.north", "Tendring");

        HubApi.Reply reply = api.post(token("coordinator.north"), "/api/meetings/" + m[0] + "/cases/" + other + "/actions",
                action("PLAN", "2027-01-10"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:not-on-agenda");
    }

    private static String action(String type, String due) {
        return "{\"kind\":\"ACTION\",\"type\":\"" + type + "\",\"description\":\"Gather CCTV from the station\","
                + "\"ownerAgency\":\"essex-police\",\"dueDate\":\"" + due + "\"}";
    }

    @Test
    void whenActionPastDueThenListedOverdueForCoordinatorUntilDone() {
        String[] m = meetingWithCase();
        String path = "/api/meetings/" + m[0] + "/cases/" + m[1] + "/actions";
        HubApi.Reply late = api.post(token("coordinator.north"), path,
                action("EVIDENCE_GATHERING", LocalDate.now().minusDays(1).toString()));
        api.post(token("chair.north"), path, action("PLAN", LocalDate.now().plusDays(10).toString()));
        String lateId = late.json().get("id").asString();

        JsonNode overdue = api.get(token("coordinator.north"), "/api/meetings/overdue-actions").json();
        JsonNode south = api.get(token("coordinator.south"), "/api/meetings/overdue-actions").json();
        api.post(token("coordinator.north"), "/api/meetings/" + m[0] + "/actions/" + lateId + "/status",
                "{\"status\":\"DONE\"}");
        JsonNode afterDone = api.get(token("coordinator.north"), "/api/meetings/overdue-actions").json();

        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().get("overdue").asBoolean()).isTrue();
        assertThat(overdue).extracting(a -> a.get("id").asString()).contains(lateId);
        assertThat(overdue).allMatch(a -> a.get("overdue").asBoolean());
        assertThat(south).extracting(a -> a.get("id").asString()).doesNotContain(lateId);
        assertThat(afterDone).extracting(a -> a.get("id").asString()).doesNotContain(lateId);
    }

    @Test
    void whenCaseAddedByHandThenItsAlertsGoOnTheAgenda() {
        String meetingId = create("coordinator.north", "NORTH", uniqueMeetingDay()).json().get("id").asString();
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);

        HubApi.Reply added = api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"Raised by the school today\"}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(mace.onlyAlert("coordinator.north", caseId).get("status").asString()).isEqualTo("ON_AGENDA");
        assertThat(api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                "{\"caseId\":\"no-such-case\",\"reason\":\"x\"}").status()).isEqualTo(404);
        String southCase = mace.openCase("police.south", "Basildon");
        HubApi.Reply wrong = api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                "{\"caseId\":\"" + southCase + "\",\"reason\":\"x\"}");
        assertThat(wrong.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:wrong-quadrant");
    }
}
