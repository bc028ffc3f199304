package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Undoing an edit or withdrawal whose audit entry could not be made durable, against the real
 * store: only that change is taken back, and only while the item is as the change left it, so an
 * edit made on top of it, or between the item's read and the change, is never overwritten (its
 * author was told it was stored, and its words are evidence).
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

    private StoredIntel withdrawn(String itemId) {
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/intel/" + itemId + "/withdraw",
                "{\"reason\":\"shared on the wrong case\"}").status()).isEqualTo(200);
        return stored(itemId);
    }

    @Test
    void whenNothingChangedSinceAnEditThenItsRevisionIsTakenBack() {
        String itemId = shared("as first shared");
        edit(itemId, 1, "the change to undo");

        assertThat(items.undo(stored(itemId))).isTrue();

        assertThat(stored(itemId).currentRevision()).isEqualTo(1);
        assertThat(stored(itemId).revisions()).hasSize(1);
    }

    @Test
    void whenTheItemWasEditedOnTopOfTheChangeThenTheLaterEditStands() {
        String itemId = shared("as first shared");
        edit(itemId, 1, "the change to undo");
        StoredIntel applied = stored(itemId);
        edit(itemId, 2, "a later edit on top");

        assertThat(items.undo(applied)).isFalse();

        assertThat(stored(itemId).currentRevision()).isEqualTo(3);
        JsonNode history = api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + itemId + "/revisions").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("text").asString()).isEqualTo("a later edit on top");
    }

    @Test
    void whenTheItemWasWithdrawnAfterTheEditThenTheWithdrawalStands() {
        String itemId = shared("as first shared");
        edit(itemId, 1, "the change to undo");
        StoredIntel applied = stored(itemId);
        withdrawn(itemId);

        assertThat(items.undo(applied)).isFalse();

        assertThat(stored(itemId).status()).isEqualTo(StoredIntel.Status.WITHDRAWN);
        assertThat(stored(itemId).currentRevision()).isEqualTo(2);
    }

    @Test
    void whenNothingChangedSinceAWithdrawalThenTheItemIsActiveAgain() {
        String itemId = shared("as first shared");
        StoredIntel applied = withdrawn(itemId);

        assertThat(items.undo(applied)).isTrue();

        assertThat(stored(itemId).status()).isEqualTo(StoredIntel.Status.ACTIVE);
        assertThat(stored(itemId).withdrawal()).isNull();
        assertThat(stored(itemId).currentRevision()).isEqualTo(1);
    }

    @Test
    void whenAnEditLandedBetweenTheReadAndTheWithdrawalThenUndoingTheWithdrawalKeepsTheEdit() {
        String itemId = shared("as first shared");
        edit(itemId, 1, "an edit made while the withdrawal was on its way"); // after the withdrawer read revision 1
        StoredIntel applied = withdrawn(itemId);

        assertThat(items.undo(applied)).isTrue();

        assertThat(stored(itemId).status()).isEqualTo(StoredIntel.Status.ACTIVE);
        assertThat(stored(itemId).currentRevision()).isEqualTo(2);
        assertThat(stored(itemId).revisions()).hasSize(2);
    }
}
