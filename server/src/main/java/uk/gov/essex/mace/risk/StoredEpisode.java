package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A missing episode with every version it has had: reported, returned, corrected, deleted. Nothing
 * is overwritten; the last version is the episode as it now stands.
 */
record StoredEpisode(String id, List<Version> versions) {

    StoredEpisode {
        versions = List.copyOf(versions);
    }

    Version current() {
        return versions.get(versions.size() - 1);
    }

    StoredEpisode with(Version next) {
        List<Version> all = new ArrayList<>(versions);
        all.add(next);
        return new StoredEpisode(id, all);
    }

    /** What happened to make a version. */
    enum Change {
        REPORTED,
        RETURNED,
        CORRECTED,
        DELETED
    }

    /**
     * One version of the episode.
     *
     * @param number 1 for the report, then one more per change
     * @param startedAt when the child went missing
     * @param returnedAt when the child returned or was found, {@code null} while missing
     * @param whereFound where the child was found (free text)
     * @param returnHomeInterview whether a return home interview took place, {@code null} if not yet known
     * @param deleted the episode was recorded in error and no longer counts
     * @param change what made this version
     * @param reason why it was corrected or deleted
     * @param lateReport the report came in long after the start (back-dated)
     * @param recordedBy who recorded this version
     * @param recordedByAgency their agency
     * @param recordedAt when it was recorded
     */
    record Version(
            int number,
            Instant startedAt,
            Instant returnedAt,
            String whereFound,
            Boolean returnHomeInterview,
            boolean deleted,
            Change change,
            String reason,
            boolean lateReport,
            String recordedBy,
            String recordedByAgency,
            Instant recordedAt) {}
}
