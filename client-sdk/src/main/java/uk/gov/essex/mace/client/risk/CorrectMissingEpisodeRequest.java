package uk.gov.essex.mace.client.risk;

import java.time.Instant;

/**
 * Corrects a missing episode: a new version with these values; the old one is kept.
 *
 * @param version the current version being corrected (two corrections cannot cross)
 * @param startedAt the corrected start
 * @param returnedAt the corrected return, or null if still missing
 * @param whereFound the corrected place found
 * @param returnHomeInterview whether a return home interview took place
 * @param reason why the correction is made
 */
public record CorrectMissingEpisodeRequest(Integer version, Instant startedAt, Instant returnedAt, String whereFound,
        Boolean returnHomeInterview, String reason) {}
