package uk.gov.essex.mace.storage;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Keeps the store file from growing without bound while the server runs. Each commit writes a
 * new chunk; a chunk whose pages are mostly superseded still cannot be reused while one live page
 * remains in it. H2's background writer rewrites such chunks, but group commit switches that
 * writer off (it would also commit on its own, possibly half a command), so this does the same
 * rewriting on a timer and commits it through the {@link CommitPolicy}. Rewriting a page does not
 * change what it holds, so it is safe to run beside writes; but H2 holds its store lock for a whole
 * step, and commits wait for that lock, so each step's length is reported to {@link #onStep}.
 */
final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    static final long INTERVAL_MILLIS = Long.getLong("hub.storage.housekeeping-millis", 500);
    /** Chunks less full than this are rewritten (H2's own default target is 90%). */
    static final int TARGET_FILL_RATE = 90;
    /**
     * Bytes of live pages rewritten per run at most, to bound the pause it adds to a commit: the
     * same 8 MB a second as 16 MB every 2 s, in smaller steps (the fan-out benchmark's delivery p99
     * fell from about 700 to 340 ms when the 16 MB runs stopped holding commits up). Settable with
     * {@code -Dhub.storage.housekeeping-bytes}, for diagnosis (docs/web.md, sixth round).
     */
    static final int WRITE_BUDGET = Integer.getInteger("hub.storage.housekeeping-bytes", 4 * 1024 * 1024);

    private final ScheduledExecutorService timer;
    private volatile LongConsumer stepListener = nanos -> {
    };

    private Housekeeping(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Tells {@code listener} how long, in nanoseconds, each step that moved pages held the store. */
    void onStep(LongConsumer listener) {
        this.stepListener = listener;
    }

    static Housekeeping start(MVStore store, CommitPolicy commits, Durability durability) {
        if (durability == Durability.BACKGROUND || INTERVAL_MILLIS <= 0) {
            return new Housekeeping(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hub-storage-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        Housekeeping housekeeping = new Housekeeping(timer);
        timer.scheduleWithFixedDelay(() -> housekeeping.compact(store, commits),
                INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    private void compact(MVStore store, CommitPolicy commits) {
        try {
            long started = System.nanoTime();
            if (store.compact(TARGET_FILL_RATE, WRITE_BUDGET)) {
                stepListener.accept(System.nanoTime() - started);
                commits.flush();
            }
        } catch (RuntimeException e) {
            log.warn("Storage housekeeping failed; the next run retries", e);
        }
    }

    /**
     * Waits for a run in progress instead of interrupting it: an interrupt during file I/O closes
     * the store's file channel.
     */
    void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
