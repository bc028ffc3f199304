package uk.gov.essex.mace.disruption;

/**
 * Unlinks an erased case from the disruption updates that named it. An update is the district
 * council's record about a place, kept for the Part 2 problem profile, not a record about the
 * child: it stays, without the link. Called by {@code retention} only, after the erasure was approved.
 */
public interface DisruptionErasure {

    /** Removes the case from every update's links; returns how many updates named it. */
    int eraseCase(String caseId);
}
