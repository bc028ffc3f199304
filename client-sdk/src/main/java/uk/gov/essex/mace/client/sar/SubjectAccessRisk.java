package uk.gov.essex.mace.client.sar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.risk.ExploitationIndicator;
import uk.gov.essex.mace.client.risk.RiskLevel;

/**
 * The risk records in a {@link SubjectAccessExport}: every assessment, every version of every
 * missing episode (deleted ones too: they were held), and the indicators the exporter may know of.
 * Agencies are named; the people who recorded them are not.
 *
 * @param currentLevel the current assessment's level, if assessed
 * @param knownToBeExploited whether the current assessment says the child is known to be exploited
 * @param assessments the assessments, the current first
 * @param missingEpisodes the missing episodes, earliest start first
 * @param indicators the exploitation indicators released, earliest recorded first
 */
public record SubjectAccessRisk(RiskLevel currentLevel, boolean knownToBeExploited, List<Assessment> assessments,
        List<MissingEpisode> missingEpisodes, List<Indicator> indicators) {

    public SubjectAccessRisk {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        missingEpisodes = missingEpisodes == null ? List.of() : List.copyOf(missingEpisodes);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /**
     * A Risk in the Community Record assessment.
     *
     * @param assessedByAgency the assessing agency's name
     * @param current whether it is the assessment that counts
     */
    public record Assessment(String id, RiskLevel level, ExploitationType exploitationType, boolean knownToBeExploited,
            LocalDate assessedOn, LocalDate nextReviewOn, String assessedByAgency, Instant recordedAt, boolean current) {}

    /**
     * A missing episode with every version it has had, the last as it now stands.
     *
     * @param id the episode
     * @param versions its versions, the first first
     */
    public record MissingEpisode(String id, List<EpisodeVersion> versions) {
        public MissingEpisode {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }
    }

    /**
     * One version of a missing episode.
     *
     * @param change {@code REPORTED}, {@code RETURNED}, {@code CORRECTED} or {@code DELETED}
     * @param whereFound where the child was found (free text)
     * @param reason why it was corrected or deleted
     * @param recordedByAgency the recording agency's name
     */
    public record EpisodeVersion(int version, String change, Instant startedAt, Instant returnedAt, String whereFound,
            Boolean returnHomeInterview, boolean deleted, boolean lateReport, String reason, String recordedByAgency,
            Instant recordedAt) {}

    /**
     * An exploitation indicator, released as an intelligence item is.
     *
     * @param label its handling label
     * @param recordedByAgency the recording agency's name
     * @param sourceNote the source note; segments the exporter could not read show as {@code [redacted]}
     */
    public record Indicator(String id, ExploitationIndicator indicator, LocalDate observedOn, String label,
            String recordedByAgency, Instant recordedAt, String sourceNote) {

        @Override
        public String toString() {
            return "Indicator[" + id + "]";
        }
    }
}
