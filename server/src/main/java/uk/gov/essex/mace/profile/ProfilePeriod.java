package uk.gov.essex.mace.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * The period a profile covers (whole days, Europe/London, both ends included) and the previous
 * period of equal length it is compared with: the same number of whole calendar months before it
 * when the period is whole months (a quarter is compared with the quarter before), otherwise the
 * same number of days before it.
 */
record ProfilePeriod(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo) {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Validates and builds a period: both ends given, not ending before it starts, at most two years long. */
    static ProfilePeriod of(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw invalid("period-required", "Give the period as from=YYYY-MM-DD and to=YYYY-MM-DD.", from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw invalid("invalid-period", "The period ends before it starts.", "to");
        }
        if (!to.isBefore(from.plusYears(2))) {
            throw invalid("period-too-long", "The period is longer than two years.", "to");
        }
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
        if (wholeMonths) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            YearMonth first = YearMonth.from(from).minusMonths(months);
            return new ProfilePeriod(from, to, first.atDay(1), from.minusDays(1));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new ProfilePeriod(from, to, from.minusDays(days), from.minusDays(1));
    }

    Instant start() {
        return from.atStartOfDay(LONDON).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    Instant previousStart() {
        return previousFrom.atStartOfDay(LONDON).toInstant();
    }

    /** Which of the two periods {@code date} falls in. */
    Slot slot(LocalDate date) {
        if (date == null || date.isBefore(previousFrom) || date.isAfter(to)) {
            return Slot.NEITHER;
        }
        return date.isBefore(from) ? Slot.PREVIOUS : Slot.CURRENT;
    }

    Slot slot(Instant instant) {
        return instant == null ? Slot.NEITHER : slot(instant.atZone(LONDON).toLocalDate());
    }

    List<YearMonth> months() {
        return months(from, to);
    }

    List<YearMonth> previousMonths() {
        return months(previousFrom, previousTo);
    }

    private static List<YearMonth> months(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The current period, the previous one, or neither. */
    enum Slot { CURRENT, PREVIOUS, NEITHER }

    private static InvalidRequestProblem invalid(String slug, String message, String field) {
        return new InvalidRequestProblem(slug, message, Map.of(field, slug));
    }
}
