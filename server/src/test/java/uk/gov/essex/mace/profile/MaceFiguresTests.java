package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.alerts.AlertReason;
import uk.gov.essex.mace.alerts.MaceStanding;

/** On MACE, new and stepped down for a period (Q1 2026, Europe/London), from a case's standing. */
class MaceFiguresTests {

    private static final ProfilePeriod Q1 = ProfilePeriod.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));

    static Stream<Arguments> standings() {
        return Stream.of(
                Arguments.of("entered before, still in", in("2025-11-01T10:00:00Z"), 1, 0, 0),
                Arguments.of("entered during, still in", in("2026-02-01T10:00:00Z"), 1, 1, 0),
                Arguments.of("entered during, left during", out("2026-01-05T10:00:00Z", "2026-03-01T10:00:00Z"), 1, 1, 1),
                Arguments.of("entered before, left during", out("2025-12-01T10:00:00Z", "2026-01-20T10:00:00Z"), 1, 0, 1),
                Arguments.of("left before the period", out("2025-10-01T10:00:00Z", "2025-12-31T23:59:59Z"), 0, 0, 0),
                Arguments.of("entered after the period", in("2026-04-01T00:00:00+01:00"), 0, 0, 0),
                Arguments.of("entered in the last London minute", in("2026-03-31T23:59:00+01:00"), 1, 1, 0),
                Arguments.of("left at the first London instant", out("2025-06-01T10:00:00Z", "2026-01-01T00:00:00Z"), 1, 0, 1),
                Arguments.of("entered during, left after", out("2026-03-10T10:00:00Z", "2026-05-01T10:00:00Z"), 1, 1, 0));
    }

    @ParameterizedTest(name = "{0}: on {2}, new {3}, stepped down {4}")
    @MethodSource("standings")
    void whenStandingThenMeasures(String name, MaceStanding standing, long on, long isNew, long steppedDown) {
        assertThat(MaceFigures.measures(standing, Q1.start(), Q1.end())).containsExactly(on, isNew, steppedDown);
    }

    private static MaceStanding in(String entered) {
        return new MaceStanding("c", true, Set.of(AlertReason.MISSING_EPISODES), Instant.parse(entered), null);
    }

    private static MaceStanding out(String entered, String left) {
        return new MaceStanding("c", false, Set.of(), Instant.parse(entered), Instant.parse(left));
    }
}
