package uk.gov.essex.mace.risk;

import java.time.Instant;

/** One version of a missing episode (the current one, unless read from its history). */
public record MissingEpisodeResponse(
        String id,
        String caseId,
        int version,
        Instant startedAt,
        Instant returnedAt,
        String whereFound,
        Boolean returnHomeInterview,
        boolean deleted,
        boolean lateReport,
        String change,
        String reason,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt) {

    static MissingEpisodeResponse of(String caseId, String id, StoredEpisode.Version v) {
        return new MissingEpisodeResponse(id, caseId, v.number(), v.startedAt(), v.returnedAt(), v.whereFound(),
                v.returnHomeInterview(), v.deleted(), v.lateReport(), v.change().name(), v.reason(), v.recordedBy(),
                v.recordedByAgency(), v.recordedAt());
    }

    @Override
    public String toString() {
        return "MissingEpisodeResponse[" + id + " v" + version + "]";
    }
}
