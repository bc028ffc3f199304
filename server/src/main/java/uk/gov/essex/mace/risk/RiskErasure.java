package uk.gov.essex.mace.risk;

/**
 * Removes every risk record of an erased case: assessments, missing episodes with all their
 * versions, exploitation indicators. Called by {@code retention} only, after the erasure was approved.
 */
public interface RiskErasure {

    /** Deletes the case's risk records; returns how many records (assessments, episodes, indicators) were removed. */
    int eraseCase(String caseId);
}
