package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * The disruption feature's erasure hooks, called by {@code retention} only, after an erasure was
 * approved. An update is the district council's record about a place, kept for the Part 2 problem
 * profile, not a record about the child: when a case is erased its updates stay, without the link
 * ({@link #eraseCase}); the updates themselves have their own schedule and go a quadrant-month at a
 * time ({@link #eraseMonth}), the unit that shares one data key.
 */
public interface DisruptionErasure {

    /** Removes the case from every update's links; returns how many updates named it. */
    int eraseCase(String caseId);

    /** The quadrant-months holding updates dated before {@code before}, oldest first. */
    List<Month> monthsBefore(LocalDate before);

    /** The quadrant-month with that key scope, when it holds any update. */
    Optional<Month> month(MonthScope scope);

    /** The quadrant-months holding an update linked to the case (a hold on it holds them). */
    Set<MonthScope> monthsLinkedTo(String caseId);

    /** Removes every update of the quadrant-month; returns how many. */
    int eraseMonth(MonthScope scope);

    /**
     * One quadrant and calendar month of updates: its key scope names the data key that seals them.
     */
    record MonthScope(Quadrant quadrant, YearMonth month) {

        private static final Pattern FORMAT = Pattern.compile("disruption:([A-Z]+):(\\d{4}-\\d{2})");

        /** The key scope, {@code disruption:QUADRANT:yyyy-MM}. */
        public String keyScope() {
            return "disruption:" + quadrant.name() + ":" + month;
        }

        /** The quadrant-month an update dated {@code date} belongs to. */
        public static MonthScope of(Quadrant quadrant, LocalDate date) {
            return new MonthScope(quadrant, YearMonth.from(date));
        }

        /** Parses a key scope as {@link #keyScope()} writes it; empty for anything else. */
        public static Optional<MonthScope> parse(String keyScope) {
            Matcher m = keyScope == null ? null : FORMAT.matcher(keyScope);
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new MonthScope(Quadrant.valueOf(m.group(1)), YearMonth.parse(m.group(2))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return keyScope();
        }
    }

    /**
     * A quadrant-month as retention sees it: ids and counts, no content.
     *
     * @param updates how many updates it holds
     * @param linkedCaseIds the cases its updates are linked to (a hold on any of them holds the month)
     */
    record Month(MonthScope scope, int updates, Set<String> linkedCaseIds) {

        public Month {
            linkedCaseIds = Set.copyOf(linkedCaseIds);
        }
    }
}
