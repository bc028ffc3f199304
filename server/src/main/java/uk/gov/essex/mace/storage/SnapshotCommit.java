package uk.gov.essex.mace.storage;

import java.lang.reflect.Field;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MVStore's commit, telling its caller the moment it has taken the state it saves, so that
 * writers wait for that moment and not for the pages to be encoded and written.
 *
 * <p>An MVStore commit first takes each map's current root (its maps are copy-on-write, so a root
 * taken is a fixed snapshot), then encodes the pages under those roots and writes them. H2's own
 * background writer runs the second part on a thread of its own while writers carry on; a plain
 * {@code commit()} runs it on the caller's thread. Either way it hands the second part to the file
 * store's serialisation executor when it has one, right after taking the roots. This class gives
 * the file store such an executor (H2 keeps the field private: it is set by reflection), one that
 * runs the task at once on the committing thread, exactly as H2 does with none, but first calls
 * the commit's {@code snapshotTaken}. Nothing else about the commit changes: it still returns only
 * once the chunk is written.
 *
 * <p>If a later H2 no longer has the field, the commit still works, without the early call: the
 * caller then holds writers off for the whole commit, as before this class existed. A test fails if
 * that happens ({@code SnapshotCommitTests}).
 */
final class SnapshotCommit implements StoreCommit {

    private static final Logger log = LoggerFactory.getLogger(SnapshotCommit.class);

    private final MVStore store;
    private final boolean splits;
    /** The running commit's {@code snapshotTaken}, for the executor the commit hands its pages to. */
    private final ThreadLocal<Runnable> pending = new ThreadLocal<>();

    private SnapshotCommit(MVStore store, boolean splits) {
        this.store = store;
        this.splits = splits;
    }

    /** Gives {@code store}'s file store the executor that reports the snapshot; call once, before any commit. */
    static SnapshotCommit install(MVStore store) {
        try {
            Field field = FileStore.class.getDeclaredField("serializationExecutor");
            field.setAccessible(true);
            if (field.get(store.getFileStore()) != null) {
                throw new IllegalStateException("the store already has a serialisation executor (background saving is on)");
            }
            SnapshotCommit commit = new SnapshotCommit(store, true);
            field.set(store.getFileStore(), commit.new InlineExecutor());
            return commit;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Store commits hold writers off until written: H2's serialisation executor could not be set ({})",
                    e.toString());
            return new SnapshotCommit(store, false);
        }
    }

    /** Whether commits report their snapshot before writing (false: only once written). */
    boolean splits() {
        return splits;
    }

    @Override
    public void commit(Runnable snapshotTaken) {
        pending.set(snapshotTaken);
        try {
            store.commit();
        } finally {
            pending.remove();
        }
    }

    /**
     * Runs each task at once on the submitting thread, as H2 does when it has no executor. A task
     * submitted by a commit of this class (from {@code FileStore.storeIt}, with the roots taken and
     * the store lock held) is preceded by that commit's {@code snapshotTaken}. H2's other
     * submissions (an empty task to flush the executor before a file operation) carry none.
     */
    private final class InlineExecutor extends ThreadPoolExecutor {

        InlineExecutor() {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        }

        @Override
        public Future<?> submit(Runnable task) {
            Runnable snapshotTaken = pending.get();
            if (snapshotTaken != null) {
                pending.remove();
                snapshotTaken.run();
            }
            FutureTask<?> future = new FutureTask<>(task, null);
            future.run();
            return future;
        }
    }
}
