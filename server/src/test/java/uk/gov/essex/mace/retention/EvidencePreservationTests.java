package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.alerts.MaceScenario;
import uk.gov.essex.mace.meetings.MeetingErasure;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * No evidence is lost to edits: an edited and then withdrawn item keeps its original revision,
 * still shown under the same label to those entitled to it (and to nobody else), and every change
 * is in the audit trail against the item's id. MACE minutes corrected twice keep the original and
 * each correction the same way, until the case is erased.
 */
class EvidencePreservationTests extends HubIntegrationTest {

    @Autowired
    MeetingErasure meetingErasure;

    @Test
    void editedAndWithdrawnItemKeepsOriginalUnderSameLabelForTheEntitledAndInTheAuditTrail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String original = "EVIDENCE-ORIGINAL-" + run;
        String correction = "EVIDENCE-CORRECTION-" + run;
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        HubApi.Reply shared = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                anItem().label("police-only").text(original).json());
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String item = shared.json().get("id").asString();
        String path = "/api/cases/" + caseId + "/intel/" + item;

        assertThat(api.send(token("police.north"), "PUT", path, "application/json",
                "{\"expectedRevision\":1,\"text\":\"" + correction + "\"}").status()).isEqualTo(200);
        assertThat(api.post(token("police.north"), path + "/withdraw", "{\"reason\":\"Wrong child\"}").status()).isEqualTo(200);

        for (String entitled : List.of("police.north", "chair.north")) {
            JsonNode revisions = api.get(token(entitled), path + "/revisions").json();
            assertThat(revisions).hasSize(2);
            JsonNode first = revisions.get(0);
            assertThat(first.get("revision").asInt()).isEqualTo(1);
            assertThat(first.get("label").asString()).isEqualTo("police-only");
            assertThat(first.get("text").asString()).isEqualTo(original);
            assertThat(first.get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(revisions.get(1).get("text").asString()).isEqualTo(correction);
            JsonNode current = api.get(token(entitled), path).json();
            assertThat(current.get("withdrawal").get("reason").asString()).isEqualTo("Wrong child");
        }
        HubApi.Reply other = api.get(token("csc.north"), path + "/revisions");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(original).doesNotContain(correction).doesNotContain("Wrong child");
        other.json().forEach(r -> assertThat(r.get("withheld").get("label").asString()).isEqualTo("police-only"));

        JsonNode entries = api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&size=1000").json().get("entries");
        List<String> changes = new ArrayList<>();
        entries.forEach(e -> {
            String action = e.get("action").asString();
            if (List.of("intel.share", "intel.edit", "intel.withdraw").contains(action)) {
                assertThat(e.get("targets").get(1).asString()).isEqualTo(item);
                changes.add(action + (e.get("details").has("revision") ? "@" + e.get("details").get("revision").asString() : ""));
            }
        });
        assertThat(changes).containsExactly("intel.share", "intel.edit@2", "intel.withdraw@2");
        assertThat(entries.toString()).doesNotContain(original).doesNotContain(correction);
    }

    @Test
    void correctedMinutesKeepOriginalAndEachCorrectionForTheEntitledOnlyUntilTheCaseIsErased() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> texts = List.of("MINUTES-ORIGINAL-" + run, "MINUTES-CORRECTION-1-" + run, "MINUTES-CORRECTION-2-" + run);
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        String meeting = api.post(token("coordinator.north"), "/api/meetings", "{\"quadrant\":\"NORTH\",\"date\":\""
                + MaceScenario.uniqueMeetingDay() + "\"}").json().get("id").asString();
        assertThat(api.post(token("coordinator.north"), "/api/meetings/" + meeting + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"Raised by police\"}").status()).isEqualTo(200);
        String minutes = "/api/meetings/" + meeting + "/cases/" + caseId + "/minutes";

        // recorded under police-only by the chair, then corrected twice (the label is kept, named or not)
        for (String body : List.of("{\"label\":\"police-only\",\"text\":\"" + texts.get(0) + "\"}",
                "{\"text\":\"" + texts.get(1) + "\"}", "{\"label\":\"police-only\",\"text\":\"" + texts.get(2) + "\"}")) {
            HubApi.Reply recorded = api.send(token("chair.north"), "PUT", minutes, "application/json", body);
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }

        for (String entitled : List.of("police.north", "chair.north")) {
            JsonNode current = agendaItem(api.get(token(entitled), "/api/meetings/" + meeting), caseId);
            assertThat(current.get("minutes").asString()).isEqualTo(texts.get(2));
            assertThat(current.get("minutesRevision").asInt()).isEqualTo(3);
            HubApi.Reply history = api.get(token(entitled), minutes + "/revisions");
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            JsonNode revisions = history.json();
            assertThat(revisions).hasSize(3);
            for (int i = 0; i < 3; i++) {
                JsonNode revision = revisions.get(i);
                assertThat(revision.get("revision").asInt()).isEqualTo(i + 1);
                assertThat(revision.get("minutes").asString()).isEqualTo(texts.get(i));
                assertThat(revision.get("label").asString()).isEqualTo("police-only");
                assertThat(revision.get("recordedBy").asString()).isEqualTo("chair.north");
                assertThat(revision.get("current").asBoolean()).isEqualTo(i == 2);
            }
        }

        // Not entitled: case readers the label withholds from (a placeholder, as before) and a non-member.
        HubApi.Reply noMinutes = api.get(token("police.north"), "/api/meetings/" + meeting + "/cases/no-such-case/minutes/revisions");
        for (String other : List.of("coordinator.north", "csc.north", "health.north")) {
            HubApi.Reply history = api.get(token(other), minutes + "/revisions");
            assertThat(history.status()).as(other + ": " + history.body()).isEqualTo(404);
            assertThat(history.contentType()).startsWith("application/problem+json");
            assertThat(history.json().get("type")).isEqualTo(noMinutes.json().get("type"));
            assertThat(history.json().get("detail")).isEqualTo(noMinutes.json().get("detail"));
            HubApi.Reply view = api.get(token(other), "/api/meetings/" + meeting);
            texts.forEach(t -> assertThat(history.body() + view.body()).as(other).doesNotContain(t));
            if (other.equals("health.north")) {
                assertThat(view.body()).doesNotContain(caseId);
            } else {
                JsonNode seen = agendaItem(view, caseId);
                assertThat(seen.get("minutesWithheld").get("label").asString()).isEqualTo("police-only");
                assertThat(seen.get("minutesRevision").isNull()).as("no count of revisions").isTrue();
            }
        }

        // One audit entry per revision, ids only; reading the history is audited too.
        JsonNode entries = api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&size=1000").json().get("entries");
        List<String> recorded = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("action").asString().equals("meeting.minutes.record") && e.get("outcome").asString().equals("SUCCESS")) {
                assertThat(e.get("targets").get(1).asString()).isEqualTo(meeting);
                recorded.add(e.get("details").get("revision").asString());
            }
        });
        assertThat(recorded).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(entries.toString()).contains("meeting.minutes.history");
        texts.forEach(t -> assertThat(entries.toString()).doesNotContain(t));

        // The case's erasure takes every revision out of the meeting (the agenda item and three revisions).
        assertThat(meetingErasure.eraseCase(caseId)).isEqualTo(4);
        Document stored = mongo.getCollection("meetings").find(new Document("_id", meeting)).first();
        assertThat(stored.toJson()).doesNotContain(caseId);
        assertThat(api.get(token("police.north"), minutes + "/revisions").status()).isEqualTo(404);
    }

    private static JsonNode agendaItem(HubApi.Reply meeting, String caseId) {
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(200);
        for (JsonNode item : meeting.json().get("agenda")) {
            if (item.get("caseId").asString().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError("the case is not on the agenda as seen");
    }
}
