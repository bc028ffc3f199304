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
 * real store: the record is put back only while it is as that change left it, so a hold placed
 * since the lift stands (and keeps who placed it and why).
 */
class LegalHoldUndoTests extends HubIntegrationTest {

    @Autowired
    private LegalHolds holds;

    private final String caseId = UUID.randomUUID().toString();

    private LegalHold placed(String by) {
        LegalHold hold = new LegalHold(caseId, UUID.randomUUID().toString(), true, new byte[] {1}, by, "essex-police",
                Instant.parse("2026-03-01T09:00:00Z"), null, null, null, null);
        return holds.place(hold).orElseThrow();
    }

    private LegalHold lifted() {
        return holds.lift(caseId, new byte[] {2}, "police.north", "essex-police", Instant.parse("2026-03-02T09:00:00Z"))
                .orElseThrow();
    }

    @Test
    void whenNothingChangedSinceALiftThenTheHoldIsPutBack() {
        LegalHold hold = placed("police.north");
        LegalHold applied = lifted();

        assertThat(holds.restore(caseId, Optional.of(hold), applied)).isTrue();

        assertThat(holds.find(caseId)).get().satisfies(h -> {
            assertThat(h.active()).isTrue();
            assertThat(h.holdId()).isEqualTo(hold.holdId());
        });
    }

    @Test
    void whenANewHoldWasPlacedAfterTheLiftThenTheNewHoldStands() {
        LegalHold first = placed("police.north");
        LegalHold applied = lifted();
        LegalHold second = placed("police.south");

        assertThat(holds.restore(caseId, Optional.of(first), applied)).isFalse();

        assertThat(holds.find(caseId)).get().satisfies(h -> {
            assertThat(h.active()).isTrue();
            assertThat(h.holdId()).isEqualTo(second.holdId());
            assertThat(h.placedBy()).isEqualTo("police.south");
        });
    }

    @Test
    void whenNothingChangedSinceAPlacementThenItIsRemoved() {
        LegalHold applied = placed("police.north");

        assertThat(holds.restore(caseId, Optional.empty(), applied)).isTrue();

        assertThat(holds.find(caseId)).isEmpty();
    }
}
