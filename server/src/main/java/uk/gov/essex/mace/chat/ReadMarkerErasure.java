package uk.gov.essex.mace.chat;

/**
 * Removes everyone's read marker on an erased case (who read it, up to which item). Called by
 * {@code retention} only, after the erasure was approved.
 */
public interface ReadMarkerErasure {

    /** Deletes the case's read markers; returns how many were removed. */
    int eraseCase(String caseId);
}
