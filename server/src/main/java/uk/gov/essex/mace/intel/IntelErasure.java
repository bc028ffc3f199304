package uk.gov.essex.mace.intel;

/**
 * Removes every intelligence item of an erased case (all revisions, withdrawn ones too) and what
 * refers to them: the case's item counter and the idempotency records of their shares. Called by
 * {@code retention} only, after the case's data key was destroyed and the erasure approved.
 */
public interface IntelErasure {

    /** Deletes the case's items; returns how many items were removed. Idempotent. */
    int eraseCase(String caseId);
}
