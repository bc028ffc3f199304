package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What aggregate reporting may know of one case's risk records: when missing episodes started and
 * where the child was found, and which indicators were observed when. No assessor, no source note.
 *
 * @param caseId the case (for joining; never published)
 * @param episodes the missing episodes as they now stand, deleted ones left out
 * @param indicators the exploitation indicators recorded, except those under a label that withholds
 *     even their existence (source protection), which may not be counted
 */
public record RiskActivity(String caseId, List<Episode> episodes, List<Indicator> indicators) {

    public RiskActivity {
        episodes = List.copyOf(episodes);
        indicators = List.copyOf(indicators);
    }

    /**
     * One missing episode.
     *
     * @param startedAt when the child went missing
     * @param whereFound where the child was found (free text), or {@code null}
     */
    public record Episode(Instant startedAt, String whereFound) {

        @Override
        public String toString() {
            return "Episode[" + startedAt + "]";
        }
    }

    /** One recorded indicator and the date it was observed. */
    public record Indicator(ExploitationIndicator indicator, LocalDate observedOn) {}
}
