package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.essex.mace.system.InvalidRequestProblem;

class ProfilePeriodTests {

    @ParameterizedTest(name = "{0}..{1} is compared with {2}..{3}")
    @CsvSource({
            "2026-01-01,2026-03-31,2025-10-01,2025-12-31",
            "2026-04-01,2026-06-30,2026-01-01,2026-03-31",
            "2026-02-01,2026-02-28,2026-01-01,2026-01-31",
            "2025-01-01,2025-12-31,2024-01-01,2024-12-31",
            "2026-01-10,2026-01-19,2025-12-31,2026-01-09",
            "2026-03-01,2026-03-01,2026-02-28,2026-02-28"})
    void whenPeriodGivenThenPreviousPeriodOfEqualLength(LocalDate from, LocalDate to, LocalDate previousFrom,
            LocalDate previousTo) {
        ProfilePeriod period = ProfilePeriod.of(from, to);

        assertThat(period.previousFrom()).isEqualTo(previousFrom);
        assertThat(period.previousTo()).isEqualTo(previousTo);
    }

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource({
            "2026-03-31,2026-01-01,invalid-period",
            "2024-01-01,2026-01-01,period-too-long",
            ",2026-01-01,period-required",
            "2026-01-01,,period-required"})
    void whenPeriodBadThenRefused(LocalDate from, LocalDate to, String slug) {
        assertThatThrownBy(() -> ProfilePeriod.of(from, to))
                .isInstanceOfSatisfying(InvalidRequestProblem.class, e -> assertThat(e.slug()).isEqualTo(slug));
    }

    @ParameterizedTest(name = "two years exactly is allowed: {0}..{1}")
    @CsvSource({"2024-01-01,2025-12-31", "2024-03-15,2026-03-14"})
    void whenPeriodIsTwoYearsThenAllowed(LocalDate from, LocalDate to) {
        assertThat(ProfilePeriod.of(from, to).to()).isEqualTo(to);
    }
}
