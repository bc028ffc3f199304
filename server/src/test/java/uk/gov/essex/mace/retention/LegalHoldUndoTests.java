package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Undoing a placement or lift of a legal hold whose audit entry could not be written, against the
 * real store: only that change is taken back, and only while the record is as it left it, so a
 * hold placed since stands (and keeps who placed it and why). A lift names the hold it lifts, so
 * it cannot lift a hold placed after it was asked for.
 */
class LegalHoldUndoTests extends HubIntegrationTest {

    @Autowired
    private LegalHolds holds;

    private final String caseId = UUID.randomUUID().toString();

    private LegalHold placed(String by) {
        LegalHold hold = new LegalHold(caseId, UUID.randomUUID().toString(), true, new byte[] {1}, by, "essex-police",
                Instant.parse("2026-03-01T09:00:00Z"), null, null, null, null);
        return holds.place(hold, holds.find(caseId)).orElseThrow();
    }

    private Optional<LegalHold> lift(LegalHold hold) {
        return holds.lift(caseId, hold.holdId(), new byte[] {2}, "police.north", "essex-police",
                Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void whenNothingChangedSinceALiftThenTheHoldIsActiveAgain() {
        LegalHold hold = placed("police.north");
        LegalHold applied = lift(hold).orElseThrow();

        assertThat(holds.unlift(caseId, applied)).isTrue();

        assertThat(holds.find(caseId)).get().satisfies(h -> {
            assertThat(h.active()).isTrue();
            assertThat(h.holdId()).isEqualTo(hold.holdId());
            assertThat(h.liftedBy()).isNull();
        });
    }

    @Test
    void whenANewHoldWasPlacedAfterTheLiftThenTheNewHoldStands() {
        LegalHold first = placed("police.north");
        LegalHold applied = lift(first).orElseThrow();
        LegalHold second = placed("police.south");

        assertThat(holds.unlift(caseId, applied)).isFalse();

        assertThat(holds.find(caseId)).get().satisfies(h -> {
            assertThat(h.active()).isTrue();
            assertThat(h.holdId()).isEqualTo(second.holdId());
            assertThat(h.placedBy()).isEqualTo("police.south");
        });
    }

    @Test
    void whenTheHoldReadWasReplacedBeforeTheLiftThenTheLiftIsRefused() {
        LegalHold read = placed("police.north");
        lift(read).orElseThrow(); // someone else lifted it
        LegalHold since = placed("police.south"); // and placed another

        assertThat(lift(read)).as("a lift of the hold that was read, not of the one placed since").isEmpty();

        assertThat(holds.find(caseId)).get().satisfies(h -> assertThat(h.holdId()).isEqualTo(since.holdId()));
        assertThat(holds.find(caseId).orElseThrow().active()).isTrue();
    }

    @Test
    void whenTheRecordReadWasReplacedBeforeAPlacementThenThePlacementIsRefused() {
        lift(placed("police.north")).orElseThrow();
        Optional<LegalHold> read = holds.find(caseId); // a lifted hold: a new one may be placed over it
        placed("police.south");
        lift(holds.find(caseId).orElseThrow()).orElseThrow(); // another hold placed and lifted since the read

        LegalHold late = new LegalHold(caseId, UUID.randomUUID().toString(), true, new byte[] {1}, "csc.north", "essex-csc",
                Instant.parse("2026-03-03T09:00:00Z"), null, null, null, null);
        assertThat(holds.place(late, read)).isEmpty();
    }

    @Test
    void whenNothingChangedSinceAPlacementThenItIsRemoved() {
        LegalHold applied = placed("police.north");

        assertThat(holds.restore(caseId, Optional.empty(), applied)).isTrue();

        assertThat(holds.find(caseId)).isEmpty();
    }
}
