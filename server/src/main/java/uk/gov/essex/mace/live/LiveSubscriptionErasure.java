package uk.gov.essex.mace.live;

/**
 * Forgets the live sessions' subscriptions to an erased case's feed, where the hub keeps them in
 * the database (with several instances and an external broker). Called by {@code retention} only,
 * after the erasure was approved.
 */
public interface LiveSubscriptionErasure {

    /** Removes every recorded subscription to the case's feed; returns how many sessions had one. */
    int eraseCase(String caseId);
}
