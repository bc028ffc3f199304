package uk.gov.essex.mace.client.risk;

import java.time.Instant;

/**
 * Closes a missing episode: the child returned or was found.
 *
 * @param returnedAt when; not before the start, not in the future
 * @param whereFound where the child was found
 * @param returnHomeInterview whether a return home interview took place, if known
 */
public record RecordReturnRequest(Instant returnedAt, String whereFound, Boolean returnHomeInterview) {}
