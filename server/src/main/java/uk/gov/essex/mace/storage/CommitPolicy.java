package uk.gov.essex.mace.storage;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * When the embedded server may acknowledge a change, relative to the store commit that makes it
 * survive a killed process.
 */
interface CommitPolicy {

    /**
     * Applies a change and returns its result once the change is as durable as this policy
     * promises. If the change was applied but could not be committed, throws instead of
     * returning, so the client sees a write error and never a silent acknowledgement.
     */
    <T> T write(Supplier<T> change);

    /**
     * Applies a change and returns at once, without waiting for a commit: for a write whose write
     * concern says {@code j: false}. The change is in the next commit, so it is durable once any
     * write acknowledged after it is; it can be lost only together with every unacknowledged write
     * after it. (MongoDB gives {@code j: false} the same meaning: its journal is written in order.)
     */
    <T> T apply(Supplier<T> change);

    /**
     * Tells {@code listener} the length of each commit this policy makes for its writers (nanoseconds),
     * for operators; policies that leave saving to the store tell nothing.
     */
    default void onCommit(LongConsumer listener) {
    }

    /** Commits everything applied so far, for housekeeping and shutdown. */
    void flush();

    /**
     * Runs {@code work} that holds the store's own lock (H2's locked compaction step) while no
     * commit is starting, so that a commit waiting for that lock waits before it holds writers
     * off, not while. {@code work} must not write through this policy or flush it: a commit it
     * waited for would wait for it.
     */
    <T> T betweenCommits(Supplier<T> work);

    static CommitPolicy of(Durability durability, StoreCommit commit) {
        return switch (durability) {
            case GROUP_COMMIT -> new GroupCommit(commit, true);
            case PER_WRITE -> new GroupCommit(commit, false);
            case BACKGROUND -> new BackgroundCommit(() -> commit.commit(() -> {
            }));
        };
    }

    /** Acknowledges at once and leaves saving to the store's own background writer. */
    record BackgroundCommit(Runnable commit) implements CommitPolicy {

        @Override
        public <T> T write(Supplier<T> change) {
            return change.get();
        }

        @Override
        public <T> T apply(Supplier<T> change) {
            return change.get();
        }

        @Override
        public void flush() {
            commit.run();
        }

        @Override
        public <T> T betweenCommits(Supplier<T> work) {
            return work.get();
        }
    }
}
