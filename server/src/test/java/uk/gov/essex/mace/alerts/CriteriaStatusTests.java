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

    @Test
    void whenEnteringLeavingAndReenteringThenEachChangeKeptInOrder() {
        CriteriaStatus in = CriteriaStatus.none("c1")
                .next(Set.of(AlertReason.MISSING_EPISODES), 1, "s", T0, "missing-episode.reported").after();
        CriteriaStatus both = in.next(Set.of(AlertReason.MISSING_EPISODES, AlertReason.HIGH_RISK_EXPLOITED), 2, "s",
                T0.plusSeconds(30), "assessment").after();
        CriteriaStatus same = both.next(Set.of(AlertReason.MISSING_EPISODES, AlertReason.HIGH_RISK_EXPLOITED), 3, "s",
                T0.plusSeconds(45), "indicator").after();
        CriteriaStatus out = same.next(Set.of(), 4, "s", T0.plusSeconds(60), "missing-episode.deleted").after();
        CriteriaStatus back = out.next(Set.of(AlertReason.MISSING_EPISODES), 5, "s", T0.plusSeconds(90),
                "re-evaluation").after();

        assertThat(same.history()).as("no change, no entry").isEqualTo(both.history());
        assertThat(back.history()).extracting(CriteriaStatus.Change::at)
                .containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(90));
        assertThat(back.history()).extracting(CriteriaStatus.Change::cause)
                .containsExactly("missing-episode.reported", "assessment", "missing-episode.deleted", "re-evaluation");
        assertThat(back.history().get(2).left())
                .containsExactlyInAnyOrder(AlertReason.MISSING_EPISODES, AlertReason.HIGH_RISK_EXPLOITED);
        assertThat(back.history()).extracting(CriteriaStatus.Change::inCriteria).containsExactly(true, true, false, true);
        assertThat(back.history()).extracting(CriteriaStatus.Change::riskVersion).containsExactly(1L, 2L, 4L, 5L);
        assertThat(back.enteredAt()).isEqualTo(T0.plusSeconds(90));
    }
}
