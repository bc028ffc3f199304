package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * No evidence is lost to edits: an edited and then withdrawn item keeps its original revision,
 * still shown under the same label to those entitled to it (and to nobody else), and every change
 * is in the audit trail against the item's id.
 */
class EvidencePreservationTests extends HubIntegrationTest {

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
}
