package uk.gov.essex.mace.storage;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader/follower group commit: a change made through {@link #write} is acknowledged only after a
 * store commit that started after the change was applied has completed, and one commit covers
 * every change applied before it (those made through {@link #apply}, which does not wait, among
 * them), so concurrent writers share commits instead of paying for one each.
 *
 * <p>Each change takes a ticket once applied. A writer that finds no commit in flight leads the
 * next one, covering every ticket issued so far; the others wait for it and lead the next if it
 * did not cover them. Changes are applied under a shared lock and a commit takes its snapshot under
 * the exclusive one, so a commit never captures half a command (a document without its index
 * entry, say) and a restart after a kill sees whole commands only. The exclusive lock is let go as
 * soon as the store says the snapshot is taken ({@link StoreCommit}), so changes are applied again
 * while the commit writes; they go into the next commit.
 */
final class GroupCommit implements CommitPolicy {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /**
     * How long a leader waits for more writers to join when the last commit covered several: a
     * commit here is CPU work (serialising pages), not a wait on the disk, so on a busy machine
     * writers only pile up behind it if the leader gives them a moment. A lone writer never waits.
     */
    static final long JOIN_WAIT_NANOS = 200_000;

    private final StoreCommit commit;
    private final boolean shared;
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final AtomicLong applied = new AtomicLong();
    private final Object monitor = new Object();
    /** Held by a commit from before it holds writers off, and by {@link #betweenCommits} work. */
    private final ReentrantLock storeWork = new ReentrantLock();
    private long durable;
    private Round inFlight;
    /** Writes the last commit newly covered; guarded by the monitor, like the two above. */
    private long lastBatch;
    /** Told each commit's length, from taking the store to the end of the write. */
    private volatile LongConsumer commitTimes = nanos -> {
    };

    /**
     * @param commit makes everything applied so far durable (the store's commit)
     * @param shared whether one commit may acknowledge several writers; false commits once per
     *     write, the baseline that group commit is measured against
     */
    GroupCommit(StoreCommit commit, boolean shared) {
        this.commit = commit;
        this.shared = shared;
    }

    /** With a commit that cannot tell when its snapshot is taken: changes wait for the whole commit. */
    GroupCommit(Runnable commit, boolean shared) {
        this(StoreCommit.whole(commit), shared);
    }

    @Override
    public <T> T write(Supplier<T> change) {
        T result = null;
        RuntimeException failure = null;
        long ticket;
        applying.readLock().lock();
        try {
            result = change.get();
        } catch (RuntimeException e) {
            // a failed command may still have applied part of itself (the first documents of an
            // ordered insert); those parts must be as durable as any other
            failure = e;
        } finally {
            ticket = applied.incrementAndGet();
            applying.readLock().unlock();
        }
        try {
            awaitDurable(ticket);
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    @Override
    public <T> T apply(Supplier<T> change) {
        applying.readLock().lock();
        try {
            return change.get();
        } finally {
            // counted like any change, so the next commit's leader knows it has one more to cover
            applied.incrementAndGet();
            applying.readLock().unlock();
        }
    }

    @Override
    public <T> T betweenCommits(Supplier<T> work) {
        storeWork.lock();
        try {
            return work.get();
        } finally {
            storeWork.unlock();
        }
    }

    @Override
    public void onCommit(LongConsumer listener) {
        this.commitTimes = listener;
    }

    @Override
    public void flush() {
        awaitDurable(applied.incrementAndGet());
    }

    private void awaitDurable(long ticket) {
        if (!shared) {
            lead(new Round());
            return;
        }
        while (true) {
            Round round;
            synchronized (monitor) {
                if (durable >= ticket) {
                    return;
                }
                if (inFlight != null) {
                    Round other = inFlight;
                    waitFor(other);
                    if (other.failure != null && other.covers >= ticket) {
                        throw notDurable(other.failure);
                    }
                    continue;
                }
                round = new Round();
                inFlight = round;
            }
            lead(round);
        }
    }

    /** Commits everything applied so far; the caller's own change is among it. */
    private void lead(Round round) {
        long covers = 0;
        RuntimeException failure = null;
        if (shared && lastBatch() > 1) {
            LockSupport.parkNanos(JOIN_WAIT_NANOS);
        }
        // H2's locked compaction step holds the store lock the commit needs: wait for it here,
        // before holding writers off, not after (Housekeeping runs it through betweenCommits)
        storeWork.lock();
        long started = System.nanoTime();
        try {
            Exclusive exclusive = new Exclusive();
            try {
                // no change is half-applied while the exclusive lock is held, so every ticket up to
                // here is a whole change that this commit captures
                covers = applied.get();
                commit.commit(exclusive::release);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                exclusive.release();
            }
        } finally {
            storeWork.unlock();
        }
        long length = System.nanoTime() - started;
        synchronized (monitor) {
            round.covers = covers;
            round.failure = failure;
            round.done = true;
            if (inFlight == round) {
                inFlight = null;
            }
            if (failure == null) {
                lastBatch = covers - durable;
                durable = Math.max(durable, covers);
            }
            monitor.notifyAll();
        }
        try {
            commitTimes.accept(length); // once the writers it covered are on their way
        } catch (RuntimeException e) {
            log.warn("Commit listener failed; the commit itself is unaffected", e);
        }
        if (failure != null) {
            throw notDurable(failure);
        }
    }

    private long lastBatch() {
        synchronized (monitor) {
            return lastBatch;
        }
    }

    private void waitFor(Round round) {
        while (!round.done) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MongoServerError(1, "InternalError", "interrupted before the write was durable", e);
            }
        }
    }

    /** Code 1 (InternalError) is not retryable, so the driver reports it instead of resending. */
    private static MongoServerError notDurable(RuntimeException cause) {
        return new MongoServerError(1, "InternalError",
                "the write was applied but could not be made durable: " + cause.getMessage(), cause);
    }

    /** The exclusive lock, held from construction until the first {@link #release} (on the same thread). */
    private final class Exclusive {

        private boolean held;

        Exclusive() {
            applying.writeLock().lock();
            held = true;
        }

        void release() {
            if (held) {
                held = false;
                applying.writeLock().unlock();
            }
        }
    }

    /** One commit attempt; fields are guarded by the monitor. */
    private static final class Round {
        long covers;
        RuntimeException failure;
        boolean done;
    }
}
