package uk.gov.essex.mace.risk;

import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Published after a change to a case's risk records has been stored and audited: an assessment,
 * an indicator, or a missing episode reported, closed, corrected, back-dated or deleted. Listeners
 * run in the writer's thread and must not fail the write.
 *
 * @param caseId the case
 * @param version the version of the risk records after the change
 * @param kind what changed, e.g. {@code assessment}, {@code missing-episode.corrected}
 * @param actor who made the change
 */
public record RiskRecordChanged(String caseId, long version, String kind, HubPrincipal actor) {}
