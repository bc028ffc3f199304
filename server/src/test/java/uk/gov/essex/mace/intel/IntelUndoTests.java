package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Undoing a change whose audit entry could not be made durable, against the real store: the item
 * is put back only while it is as that change left it, so an edit made on top of the change in the
 * meantime is never overwritten (its author was told it was stored, and its words are evidence).
 */
class IntelUndoTests extends HubIntegrationTest {

    @Autowired
    private IntelItems items;

    private String caseId;

    private String shared(String text) {
        caseId = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();
        return api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text(text).json())
                .json().get("id").asString();
    }

    private void edit(String itemId, int expectedRevision, String text) {
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/intel/" + itemId, "application/json",
                "{\"expectedRevision\":" + expectedRevision + ",\"text\":\"" + text + "\"}").status()).isEqualTo(200);
    }

    private StoredIntel stored(String itemId) {
        return items.find(caseId, itemId).orElseThrow();
    }

    /** An item as first shared ({@code before}) and after the edit to undo ({@code applied}). */
    private record Edited(String itemId, StoredIntel before, StoredIntel applied) {}

    private Edited sharedAndEdited() {
        String itemId = shared("as first shared");
        StoredIntel before = stored(itemId);
        edit(itemId, 1, "the change to undo");
        return new Edited(itemId, before, stored(itemId));
    }

    @Test
    void whenNothingChangedSinceThenTheChangeIsUndone() {
        Edited change = sharedAndEdited();
        String itemId = change.itemId();

        assertThat(items.restore(change.before(), change.applied())).isTrue();

        assertThat(stored(itemId).currentRevision()).isEqualTo(1);
        assertThat(stored(itemId).revisions()).hasSize(1);
    }

    @Test
    void whenTheItemWasEditedOnTopOfTheChangeThenTheLaterEditStands() {
        Edited change = sharedAndEdited();
        String itemId = change.itemId();
        edit(itemId, 2, "a later edit on top");

        assertThat(items.restore(change.before(), change.applied())).isFalse();

        assertThat(stored(itemId).currentRevision()).isEqualTo(3);
        JsonNode history = api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + itemId + "/revisions").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("text").asString()).isEqualTo("a later edit on top");
    }

    @Test
    void whenTheItemWasWithdrawnAfterTheChangeThenTheWithdrawalStands() {
        Edited change = sharedAndEdited();
        String itemId = change.itemId();
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/intel/" + itemId + "/withdraw",
                "{\"reason\":\"shared on the wrong case\"}").status()).isEqualTo(200);

        assertThat(items.restore(change.before(), change.applied())).isFalse();

        assertThat(stored(itemId).status()).isEqualTo(StoredIntel.Status.WITHDRAWN);
        assertThat(stored(itemId).currentRevision()).isEqualTo(2);
    }
}
