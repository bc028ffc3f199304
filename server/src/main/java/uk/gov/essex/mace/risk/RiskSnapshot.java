package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts about one case that the MACE criteria are decided from, read in one atomic step: no
 * free text, no identities.
 *
 * @param caseId the case
 * @param version the version of the case's risk records this snapshot reflects; every change
 *     raises it, so an evaluation of an older version can never overwrite that of a newer one
 * @param currentLevel the level of the current assessment, or {@code null} when none is recorded
 * @param knownToBeExploited whether the current assessment says the child is known to be exploited
 * @param missingEpisodeStarts start times of the missing episodes as currently corrected, deleted
 *     episodes left out, in no particular order
 * @param indicators who recorded an exploitation indicator and for which date; indicators under a
 *     label that withholds even their existence from other readers (source protection) are left
 *     out, so that nothing derived from a snapshot can show them
 */
public record RiskSnapshot(
        String caseId,
        long version,
        RiskLevel currentLevel,
        boolean knownToBeExploited,
        List<Instant> missingEpisodeStarts,
        List<IndicatorSighting> indicators) {

    public RiskSnapshot {
        missingEpisodeStarts = List.copyOf(missingEpisodeStarts);
        indicators = List.copyOf(indicators);
    }

    /**
     * One recorded indicator, as far as the criteria care.
     *
     * @param agencyId the agency that recorded it
     * @param observedOn the date it was observed
     */
    public record IndicatorSighting(String agencyId, LocalDate observedOn) {}
}
