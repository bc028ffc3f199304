package uk.gov.essex.mace.alerts;

/**
 * Removes an erased case's alerts (every reason and status) and its standing against the MACE
 * criteria. Called by {@code retention} only, after the case's risk records are gone (so no
 * evaluation can raise a new alert for it).
 */
public interface AlertErasure {

    /** Deletes the case's alerts and standing; returns how many alerts were removed. Idempotent. */
    int eraseCase(String caseId);
}
