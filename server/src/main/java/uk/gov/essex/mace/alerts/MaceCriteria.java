package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.risk.RiskLevel;
import uk.gov.essex.mace.risk.RiskSnapshot;
import uk.gov.essex.mace.risk.RiskSnapshot.IndicatorSighting;

/**
 * The MACE criteria of the Essex arrangements, as a pure function of a case's risk snapshot: no
 * store, no clock, so every edge can be tested as a table.
 *
 * <p>Missing episodes: starts t1 <= ... <= tn (n = 3) meet the criteria when tn is before
 * {@code t1.atZone(Europe/London).plus(28 days)}: the same local clock time 28 calendar days
 * later, so the window is half-open and spans a clock change as 28 days, not 672 hours.
 */
@Component
class MaceCriteria {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final int missingEpisodes;
    private final Period missingWindow;
    private final int reviewAgencies;
    private final Period reviewWindow;
    private final String fingerprint;

    MaceCriteria(MaceProperties properties) {
        this.missingEpisodes = properties.missingEpisodes();
        this.missingWindow = properties.missingEpisodesWindow();
        this.reviewAgencies = properties.reviewPromptAgencies();
        this.reviewWindow = properties.reviewPromptWindow();
        this.fingerprint = properties.fingerprint();
    }

    /** The reasons the case meets now (empty when none). */
    Set<AlertReason> evaluate(RiskSnapshot snapshot) {
        Set<AlertReason> met = EnumSet.noneOf(AlertReason.class);
        if (snapshot.currentLevel() == RiskLevel.HIGH && snapshot.knownToBeExploited()) {
            met.add(AlertReason.HIGH_RISK_EXPLOITED);
        }
        if (missingEpisodesWithinWindow(snapshot.missingEpisodeStarts())) {
            met.add(AlertReason.MISSING_EPISODES);
        }
        if (snapshot.currentLevel() != RiskLevel.HIGH && indicatorsFromSeveralAgencies(snapshot.indicators())) {
            met.add(AlertReason.REVIEW_PROMPT);
        }
        return met;
    }

    String fingerprint() {
        return fingerprint;
    }

    boolean missingEpisodesWithinWindow(List<Instant> starts) {
        if (starts.size() < missingEpisodes) {
            return false;
        }
        List<Instant> sorted = starts.stream().sorted().toList();
        for (int first = 0; first + missingEpisodes - 1 < sorted.size(); first++) {
            Instant windowEnd = sorted.get(first).atZone(LONDON).plus(missingWindow).toInstant();
            if (sorted.get(first + missingEpisodes - 1).isBefore(windowEnd)) {
                return true;
            }
        }
        return false;
    }

    boolean indicatorsFromSeveralAgencies(List<IndicatorSighting> indicators) {
        List<IndicatorSighting> sorted = indicators.stream()
                .sorted(Comparator.comparing(IndicatorSighting::observedOn)).toList();
        for (int first = 0; first < sorted.size(); first++) {
            LocalDate windowEnd = sorted.get(first).observedOn().plus(reviewWindow);
            Set<String> agencies = new HashSet<>();
            for (int next = first; next < sorted.size() && sorted.get(next).observedOn().isBefore(windowEnd); next++) {
                agencies.add(sorted.get(next).agencyId());
            }
            if (agencies.size() >= reviewAgencies) {
                return true;
            }
        }
        return false;
    }
}
