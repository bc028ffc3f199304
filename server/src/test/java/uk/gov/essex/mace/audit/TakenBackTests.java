package uk.gov.essex.mace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** After a change that failed behind its entry, the trail says what became of it, and only our own applied change is undone. */
class TakenBackTests {

    private final List<AuditEvent> appended = new ArrayList<>();
    /** Whether the wait after the change fails, as when the store cannot commit. */
    private boolean durabilityFails;
    private final AuditTrail trail = new AuditTrail() {
        @Override
        public long append(AuditEvent event) {
            appended.add(event);
            return appended.size() - 1;
        }

        @Override
        public <T> T appendBefore(AuditEvent event, Supplier<T> change) {
            append(event);
            T result = change.get();
            if (durabilityFails) {
                throw new AuditUnavailableException("audit entry could not be made durable", new IllegalStateException("commit failed"));
            }
            return result;
        }
    };
    private final AuditEvent edited = AuditEvent.of(null, "intel.edit", AuditEvent.Outcome.SUCCESS, "case-1", "item-1");
    private int undone;
    private final AuditEvent failed = AuditEvent.of(null, "intel.share", AuditEvent.Outcome.FAILED, "case-1", "item-1");

    @Test
    void whenTheChangeIsTakenBackThenTheTrailSaysItWasNotStored() {
        RuntimeException cause = new IllegalStateException("write error");

        RuntimeException thrown = trail.takenBack(failed, () -> { }, cause);

        assertThat(thrown).isSameAs(cause).hasNoSuppressedExceptions();
        assertThat(appended).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "not-stored"));
    }

    @Test
    void whenItCannotBeTakenBackThenTheTrailSaysTheOutcomeIsUnknown() {
        RuntimeException cause = new IllegalStateException("write error");

        RuntimeException thrown = trail.takenBack(failed, () -> {
            throw new IllegalStateException("database gone");
        }, cause);

        assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("database gone");
        assertThat(appended).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "outcome-unknown"));
    }

    @Test
    void whenAChangeToAnExistingRecordFailedUnclearlyThenNothingIsUndoneAndTheOutcomeIsUnknown() {
        RuntimeException cause = new IllegalStateException("timeout");

        RuntimeException thrown = trail.outcomeUnknown(failed, cause);

        assertThat(thrown).isSameAs(cause);
        assertThat(appended).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("reason", "outcome-unknown"));
    }

    @Test
    void whenOurChangeAppliedButCannotBeMadeDurableThenItIsUndone() {
        durabilityFails = true;

        List<String> undoneWith = new ArrayList<>();

        assertThatThrownBy(() -> trail.appendBeforeChange(edited, () -> Optional.of("revision 2"), undoneWith::add))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(undoneWith).as("the undo is given what the change stored").containsExactly("revision 2");
    }

    @Test
    void whenTheUndoFindsALaterChangeOnTopThenTheFailureStillReachesTheCaller() {
        durabilityFails = true;

        assertThatThrownBy(() -> trail.appendBeforeChange(edited, () -> Optional.of("revision 2"), applied -> false))
                .isInstanceOf(AuditUnavailableException.class).hasNoSuppressedExceptions();
    }

    @Test
    void whenTheConditionNoLongerHeldAndTheWaitFailsThenNothingIsUndone() {
        durabilityFails = true;

        // someone else's change won the race: putting our "before" back would wipe theirs
        assertThatThrownBy(() -> trail.appendBeforeChange(edited, Optional::empty, applied -> { undone++; return true; }))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(undone).isZero();
    }

    @Test
    void whenTheChangeFailsUnclearlyThenNothingIsUndoneAndTheTrailSaysTheOutcomeIsUnknown() {
        assertThatThrownBy(() -> trail.appendBeforeChange(edited, () -> {
            throw new IllegalStateException("timeout");
        }, applied -> { undone++; return true; })).hasMessage("timeout");

        assertThat(undone).isZero();
        assertThat(appended).extracting(AuditEvent::outcome).containsExactly(AuditEvent.Outcome.SUCCESS, AuditEvent.Outcome.FAILED);
        assertThat(appended.get(1).details()).containsEntry("reason", "outcome-unknown");
    }

    @Test
    void whenANewRecordCannotBeMadeDurableWithItsEntryThenItIsDeleted() {
        durabilityFails = true;

        assertThatThrownBy(() -> trail.appendBeforeCreate(edited, () -> "item-1", () -> undone++))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(undone).isEqualTo(1);
    }

    @Test
    void whenANewRecordsInsertFailsThenItIsDeletedAndTheTrailSaysItWasNotStored() {
        assertThatThrownBy(() -> trail.appendBeforeCreate(edited, () -> {
            throw new IllegalStateException("write error");
        }, () -> undone++)).hasMessage("write error");

        assertThat(undone).isEqualTo(1);
        assertThat(appended).extracting(AuditEvent::outcome).containsExactly(AuditEvent.Outcome.SUCCESS, AuditEvent.Outcome.FAILED);
        assertThat(appended.get(1).details()).containsEntry("reason", "not-stored");
        assertThat(appended.get(1).targets()).isEqualTo(edited.targets());
    }
}
