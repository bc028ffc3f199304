package uk.gov.essex.mace.client.risk;

import java.time.Instant;

/**
 * One version of a missing episode (the current one unless read from its history).
 *
 * @param id episode id
 * @param caseId the case
 * @param version version number, from 1
 * @param startedAt when the child went missing
 * @param returnedAt when the child returned, or null
 * @param whereFound where the child was found
 * @param returnHomeInterview whether a return home interview took place
 * @param deleted whether the episode was deleted as recorded in error
 * @param lateReport whether it was reported after the fact
 * @param change what this version did ({@code REPORTED}, {@code RETURNED}, {@code CORRECTED}, ...)
 * @param reason the reason given for a correction or deletion
 * @param recordedBy who recorded this version
 * @param recordedByAgency their agency
 * @param recordedAt when
 */
public record MissingEpisode(String id, String caseId, int version, Instant startedAt, Instant returnedAt,
        String whereFound, Boolean returnHomeInterview, boolean deleted, boolean lateReport, String change, String reason,
        String recordedBy, String recordedByAgency, Instant recordedAt) {

    @Override
    public String toString() {
        return "MissingEpisode[" + id + " v" + version + "]";
    }
}
