package uk.gov.essex.mace.storage;

/**
 * The store's commit, as {@link GroupCommit} drives it: saves everything applied so far, and says
 * when it has taken the state it saves, after which changes may be applied again without entering
 * this commit.
 */
@FunctionalInterface
interface StoreCommit {

    /**
     * Saves everything applied so far and returns once it is written. Calls {@code snapshotTaken}
     * on this thread, at most once, as soon as later changes can no longer enter this commit; a
     * store that cannot tell does not call it, and the caller treats the whole commit as the
     * snapshot.
     */
    void commit(Runnable snapshotTaken);

    /** A commit that cannot tell when its snapshot is taken. */
    static StoreCommit whole(Runnable commit) {
        return snapshotTaken -> commit.run();
    }
}
