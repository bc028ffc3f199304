package uk.gov.essex.mace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Undoing a change to a case whose audit entry could not be made durable, against the real store:
 * the case is put back only while it is as that change left it. A later change on top of it must
 * stand: above all, an agency removed since must not be let back in by the undo.
 */
class CaseUndoTests extends HubIntegrationTest {

    @Autowired
    private Cases cases;

    private String opened() {
        return api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
    }

    private StoredCase stored(String caseId) {
        return cases.find(caseId).orElseThrow();
    }

    @Test
    void whenNothingChangedSinceAnAdditionThenTheAgencyIsTakenOutAgain() {
        String caseId = opened();
        StoredCase before = stored(caseId);
        StoredCase applied = cases.addMember(caseId, "essex-health", before.sharingBases().get("essex-csc")).orElseThrow();

        assertThat(cases.undoAddMember(caseId, "essex-health", applied)).isTrue();

        assertThat(stored(caseId).memberAgencies()).isEqualTo(before.memberAgencies());
        assertThat(stored(caseId).sharingBases()).isEqualTo(before.sharingBases());
    }

    @Test
    void whenAnAgencyWasRemovedAfterTheChangeThenTheUndoDoesNotLetItBackIn() {
        String caseId = opened();
        StoredCase before = stored(caseId);
        StoredCase applied = cases.addMember(caseId, "essex-health", before.sharingBases().get("essex-csc")).orElseThrow();
        cases.removeMember(caseId, "essex-csc").orElseThrow();

        assertThat(cases.undoAddMember(caseId, "essex-health", applied)).isFalse();

        assertThat(stored(caseId).memberAgencies()).containsExactlyInAnyOrder("essex-police", "essex-health");
        assertThat(cases.facts(caseId).orElseThrow().memberAgencies()).doesNotContain("essex-csc");
    }

    @Test
    void whenAnotherAgencyWasRemovedBetweenTheReadAndARemovalThenUndoingTheRemovalLeavesItOut() {
        String caseId = opened();
        cases.addMember(caseId, "essex-health", stored(caseId).sharingBases().get("essex-csc")).orElseThrow();
        StoredCase before = stored(caseId); // police, csc, health: read by the one removing csc
        cases.removeMember(caseId, "essex-health").orElseThrow(); // someone else removes health meanwhile
        StoredCase applied = cases.removeMember(caseId, "essex-csc").orElseThrow();

        assertThat(cases.undoRemoveMember(caseId, "essex-csc", before.sharingBases().get("essex-csc"), applied)).isTrue();

        assertThat(stored(caseId).memberAgencies()).containsExactlyInAnyOrder("essex-police", "essex-csc");
        assertThat(stored(caseId).sharingBases()).containsKey("essex-csc").doesNotContainKey("essex-health");
    }

    @Test
    void whenTheAgencyIsAMemberAlreadyThenAnAdditionChangesNothingAndSaysSo() {
        String caseId = opened();
        StoredCase before = stored(caseId);

        assertThat(cases.addMember(caseId, "essex-csc", before.sharingBases().get("essex-police"))).isEmpty();

        assertThat(stored(caseId).sharingBases()).isEqualTo(before.sharingBases());
        assertThat(stored(caseId).memberAgencies()).isEqualTo(before.memberAgencies());
    }

    @Test
    void whenTheAgencyWasRemovedByOtherHandsThenARemovalChangesNothing() {
        String caseId = opened();
        cases.addMember(caseId, "essex-health", stored(caseId).sharingBases().get("essex-csc")).orElseThrow();
        cases.removeMember(caseId, "essex-health").orElseThrow(); // someone else, first

        assertThat(cases.removeMember(caseId, "essex-health")).as("nothing of ours to undo later").isEmpty();
    }

    @Test
    void whenTheCaseWasReopenedAndClosedAgainSinceItWasReadThenAReopeningIsRefused() {
        String caseId = opened();
        StoredCase read = cases.close(caseId, Instant.parse("2026-01-10T10:00:00Z"), "coordinator.north",
                ClosureReason.RISK_REDUCED).orElseThrow();
        cases.reopen(caseId, read.closedAt()).orElseThrow();
        cases.close(caseId, Instant.parse("2026-02-20T10:00:00Z"), "chair.north", ClosureReason.MOVED_OUT_OF_AREA).orElseThrow();

        assertThat(cases.reopen(caseId, read.closedAt())).isEmpty();

        assertThat(stored(caseId).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void whenTheCaseWasClosedAgainAfterAReopeningThenTheLaterClosureStands() {
        String caseId = opened();
        Instant firstClosed = Instant.parse("2026-01-10T10:00:00Z");
        StoredCase before = cases.close(caseId, firstClosed, "coordinator.north", ClosureReason.RISK_REDUCED).orElseThrow();
        StoredCase applied = cases.reopen(caseId, before.closedAt()).orElseThrow();
        cases.close(caseId, Instant.parse("2026-02-20T10:00:00Z"), "chair.north", ClosureReason.MOVED_OUT_OF_AREA).orElseThrow();

        assertThat(cases.restoreStatus(before, applied)).isFalse();

        assertThat(stored(caseId).closedBy()).isEqualTo("chair.north");
        assertThat(stored(caseId).closureReason()).isEqualTo(ClosureReason.MOVED_OUT_OF_AREA);
    }

    @Test
    void whenNothingChangedSinceThenTheStatusIsPutBack() {
        String caseId = opened();
        StoredCase before = stored(caseId);
        StoredCase applied = cases.close(caseId, Instant.parse("2026-01-10T10:00:00Z"), "coordinator.north",
                ClosureReason.RISK_REDUCED).orElseThrow();

        assertThat(cases.restoreStatus(before, applied)).isTrue();

        assertThat(stored(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(stored(caseId).closedAt()).isNull();
    }
}
