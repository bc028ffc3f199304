package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.risk.RiskLevel;
import uk.gov.essex.mace.risk.RiskSnapshot;
import uk.gov.essex.mace.risk.RiskSnapshot.IndicatorSighting;

/**
 * The MACE criteria as tables, at every edge: the rolling 28-day window is half-open and counted
 * in Europe/London calendar days, so it spans both clock changes as 28 days, not 672 hours.
 */
class MaceCriteriaTests {

    static final MaceProperties DEFAULTS = new MaceProperties(3, Period.ofDays(28), 2, Period.ofDays(30),
            Duration.ofHours(24), MaceProperties.RE_EVALUATION_CRON, MaceProperties.ESCALATION_CRON);

    private final MaceCriteria criteria = new MaceCriteria(DEFAULTS);

    /** A start at a London wall-clock time, e.g. {@code "2026-03-10T12:00"}. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MaceCriteria.LONDON).toInstant();
    }

    static List<Instant> starts(String... localDateTimes) {
        return Arrays.stream(localDateTimes).map(MaceCriteriaTests::london).toList();
    }

    static Stream<Arguments> missingEpisodeWindows() {
        return Stream.of(
                Arguments.of("three within a week", starts("2026-01-05T18:00", "2026-01-07T22:30", "2026-01-11T02:00"), true),
                Arguments.of("only two episodes", starts("2026-01-05T18:00", "2026-01-07T22:30"), false),
                Arguments.of("third one minute inside 28 days", starts("2026-02-01T12:00", "2026-02-10T12:00", "2026-03-01T11:59"), true),
                Arguments.of("third exactly 28 days later is outside", starts("2026-02-01T12:00", "2026-02-10T12:00", "2026-03-01T12:00"), false),
                Arguments.of("third one minute outside 28 days", starts("2026-02-01T12:00", "2026-02-10T12:00", "2026-03-01T12:01"), false),
                Arguments.of("spring forward: one minute inside", starts("2026-03-10T12:00", "2026-03-20T09:00", "2026-04-07T11:59"), true),
                Arguments.of("spring forward: same local time 28 days later is outside", starts("2026-03-10T12:00", "2026-03-20T09:00", "2026-04-07T12:00"), false),
                Arguments.of("spring forward: inside 672 hours but outside 28 calendar days", starts("2026-03-10T12:00", "2026-03-20T09:00", "2026-04-07T12:30"), false),
                Arguments.of("fall back: one minute inside", starts("2026-10-10T12:00", "2026-10-20T09:00", "2026-11-07T11:59"), true),
                Arguments.of("fall back: same local time 28 days later is outside", starts("2026-10-10T12:00", "2026-10-20T09:00", "2026-11-07T12:00"), false),
                Arguments.of("fall back: outside 672 hours but inside 28 calendar days", starts("2026-10-10T12:00", "2026-10-20T09:00", "2026-11-07T11:30"), true),
                Arguments.of("episodes entered out of order", starts("2026-03-01T11:59", "2026-02-01T12:00", "2026-02-10T12:00"), true),
                Arguments.of("late back-dated episode completes an old window", starts("2026-05-02T10:00", "2026-05-20T10:00", "2026-04-30T10:00"), true),
                Arguments.of("three at the same moment", starts("2026-06-01T09:00", "2026-06-01T09:00", "2026-06-01T09:00"), true),
                Arguments.of("a later trio qualifies though the first does not", starts("2026-01-01T10:00", "2026-02-01T10:00", "2026-02-10T10:00", "2026-02-20T10:00"), true),
                Arguments.of("four spread out, no three within 28 days", starts("2026-01-01T10:00", "2026-01-20T10:00", "2026-02-15T10:00", "2026-03-10T10:00"), false),
                Arguments.of("correction moved the third out of the window", starts("2026-02-01T12:00", "2026-02-10T12:00", "2026-03-02T09:00"), false),
                Arguments.of("deleted episode left out of the snapshot", starts("2026-02-01T12:00", "2026-02-10T12:00"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingEpisodeWindows")
    void whenMissingEpisodesThenWindowDecides(String name, List<Instant> starts, boolean met) {
        RiskSnapshot snapshot = new RiskSnapshot("case", 1, null, false, starts, List.of());

        assertThat(criteria.evaluate(snapshot).contains(AlertReason.MISSING_EPISODES)).as(name).isEqualTo(met);
    }

    static Stream<Arguments> assessments() {
        return Stream.of(
                Arguments.of(RiskLevel.HIGH, true, true),
                Arguments.of(RiskLevel.HIGH, false, false),
                Arguments.of(RiskLevel.MEDIUM, true, false),
                Arguments.of(RiskLevel.LOW, true, false),
                Arguments.of(null, false, false));
    }

    @ParameterizedTest(name = "level {0}, known to be exploited {1}: {2}")
    @MethodSource("assessments")
    void whenCurrentAssessmentThenHighRiskExploitedOnlyForHighAndKnown(RiskLevel level, boolean known, boolean met) {
        RiskSnapshot snapshot = new RiskSnapshot("case", 1, level, known, List.of(), List.of());

        assertThat(criteria.evaluate(snapshot).contains(AlertReason.HIGH_RISK_EXPLOITED)).isEqualTo(met);
    }

    static IndicatorSighting seen(String agency, String date) {
        return new IndicatorSighting(agency, LocalDate.parse(date));
    }

    static Stream<Arguments> indicatorPatterns() {
        return Stream.of(
                Arguments.of("two agencies 29 days apart", RiskLevel.MEDIUM, List.of(seen("essex-police", "2026-01-01"), seen("essex-health", "2026-01-30")), true),
                Arguments.of("two agencies exactly 30 days apart", RiskLevel.MEDIUM, List.of(seen("essex-police", "2026-01-01"), seen("essex-health", "2026-01-31")), false),
                Arguments.of("one agency many times", RiskLevel.LOW, List.of(seen("essex-police", "2026-01-01"), seen("essex-police", "2026-01-02"), seen("essex-police", "2026-01-03")), false),
                Arguments.of("no assessment yet", null, List.of(seen("essex-police", "2026-01-01"), seen("essex-education", "2026-01-02")), true),
                Arguments.of("already assessed HIGH", RiskLevel.HIGH, List.of(seen("essex-police", "2026-01-01"), seen("essex-health", "2026-01-02")), false),
                Arguments.of("out of order, within 30 days", RiskLevel.MEDIUM, List.of(seen("essex-health", "2026-03-10"), seen("essex-police", "2026-02-20")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicatorPatterns")
    void whenIndicatorsFromSeveralAgenciesThenReviewPrompt(String name, RiskLevel level, List<IndicatorSighting> seen,
            boolean prompted) {
        RiskSnapshot snapshot = new RiskSnapshot("case", 1, level, false, List.of(), seen);

        assertThat(criteria.evaluate(snapshot).contains(AlertReason.REVIEW_PROMPT)).as(name).isEqualTo(prompted);
    }

    @Test
    void whenCountAndWindowConfiguredThenTheyApply() {
        MaceCriteria twoInAWeek = new MaceCriteria(new MaceProperties(2, Period.ofDays(7), 2, Period.ofDays(30),
                Duration.ofHours(24), MaceProperties.RE_EVALUATION_CRON, MaceProperties.ESCALATION_CRON));

        assertThat(twoInAWeek.missingEpisodesWithinWindow(starts("2026-01-01T10:00", "2026-01-08T09:59"))).isTrue();
        assertThat(twoInAWeek.missingEpisodesWithinWindow(starts("2026-01-01T10:00", "2026-01-08T10:00"))).isFalse();
        assertThat(twoInAWeek.fingerprint()).isNotEqualTo(criteria.fingerprint());
    }

    @Test
    void whenWindowNotPositiveThenSettingsRefused() {
        assertThatThrownBy(() -> new MaceProperties(3, Period.ZERO, 2, Period.ofDays(30), Duration.ofHours(24),
                MaceProperties.RE_EVALUATION_CRON, MaceProperties.ESCALATION_CRON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing-episodes-window");
        assertThatThrownBy(() -> new MaceProperties(3, Period.ofDays(28), 2, Period.ofDays(30), Duration.ZERO,
                MaceProperties.RE_EVALUATION_CRON, MaceProperties.ESCALATION_CRON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acknowledge-within");
    }

    @Test
    void whenBothReasonsThenBothMet() {
        RiskSnapshot snapshot = new RiskSnapshot("case", 1, RiskLevel.HIGH, true,
                starts("2026-01-05T18:00", "2026-01-07T22:30", "2026-01-11T02:00"), List.of());

        assertThat(criteria.evaluate(snapshot))
                .containsExactlyInAnyOrder(AlertReason.HIGH_RISK_EXPLOITED, AlertReason.MISSING_EPISODES);
    }
}
