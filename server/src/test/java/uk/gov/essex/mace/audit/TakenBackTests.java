package uk.gov.essex.mace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** After a change that failed behind its entry, the trail says what became of it. */
class TakenBackTests {

    private final List<AuditEvent> appended = new ArrayList<>();
    private final AuditTrail trail = new AuditTrail() {
        @Override
        public long append(AuditEvent event) {
            appended.add(event);
            return appended.size() - 1;
        }

        @Override
        public <T> T appendBefore(AuditEvent event, Supplier<T> change) {
            append(event);
            return change.get();
        }
    };
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
}
