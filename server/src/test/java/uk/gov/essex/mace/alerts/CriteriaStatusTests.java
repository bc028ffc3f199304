package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a case's standing moves: entering numbers a new alert, leaving and re-entering numbers another. */
class CriteriaStatusTests {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void whenFirstEnteringThenEntryOneAndInCriteria() {
        CriteriaStatus.Transition t = CriteriaStatus.none("c1").next(Set.of(AlertReason.MISSING_EPISODES), 1, "s", T0);

        assertThat(t.entered()).containsExactly(AlertReason.MISSING_EPISODES);
        assertThat(t.after().inCriteria()).isTrue();
        assertThat(t.after().alertId(AlertReason.MISSING_EPISODES)).isEqualTo("c1:MISSING_EPISODES:1");
        assertThat(t.after().enteredAt()).isEqualTo(T0);
    }

    @Test
    void whenLeavingAndReenteringThenSecondEntryHasItsOwnAlertId() {
        CriteriaStatus in = CriteriaStatus.none("c1").next(Set.of(AlertReason.MISSING_EPISODES), 1, "s", T0).after();
        CriteriaStatus.Transition out = in.next(Set.of(), 2, "s", T0.plusSeconds(60));
        CriteriaStatus.Transition back = out.after().next(Set.of(AlertReason.MISSING_EPISODES), 3, "s", T0.plusSeconds(120));

        assertThat(out.left()).containsExactly(AlertReason.MISSING_EPISODES);
        assertThat(out.after().inCriteria()).isFalse();
        assertThat(out.after().leftAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(back.entered()).containsExactly(AlertReason.MISSING_EPISODES);
        assertThat(back.after().alertId(AlertReason.MISSING_EPISODES)).isEqualTo("c1:MISSING_EPISODES:2");
        assertThat(back.after().leftAt()).isNull();
    }

    @Test
    void whenStillMetThenNothingEnteredAgain() {
        CriteriaStatus in = CriteriaStatus.none("c1").next(Set.of(AlertReason.HIGH_RISK_EXPLOITED), 1, "s", T0).after();

        CriteriaStatus.Transition again = in.next(Set.of(AlertReason.HIGH_RISK_EXPLOITED), 2, "s", T0.plusSeconds(5));

        assertThat(again.entered()).isEmpty();
        assertThat(again.left()).isEmpty();
        assertThat(again.after().entries(AlertReason.HIGH_RISK_EXPLOITED)).isEqualTo(1);
    }

    @Test
    void whenOnlyReviewPromptThenNotInMaceCriteria() {
        CriteriaStatus prompted = CriteriaStatus.none("c1").next(Set.of(AlertReason.REVIEW_PROMPT), 1, "s", T0).after();

        assertThat(prompted.active()).containsExactly(AlertReason.REVIEW_PROMPT);
        assertThat(prompted.inCriteria()).isFalse();
    }

    @Test
    void whenOlderVersionOrOtherSettingsThenNotCurrent() {
        CriteriaStatus at5 = CriteriaStatus.none("c1").next(Set.of(), 5, "s", T0).after();

        assertThat(at5.isCurrentFor(4, "s")).isTrue();
        assertThat(at5.isCurrentFor(5, "s")).isTrue();
        assertThat(at5.isCurrentFor(5, "other")).isFalse();
        assertThat(at5.isCurrentFor(6, "s")).isFalse();
    }
}
