package uk.gov.essex.mace.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * change what it holds, so it is safe to run beside writes. H2's own step holds its store lock
 * throughout, and commits wait for that lock, so most of the moving is done by
 * {@link ChunkEvacuation}, which takes no lock, and H2's step, with a small budget, moves only what
 * is left; each locked step's length is reported to {@link #onStep}, each run of moves to
 * {@link #onMoves}.
 */
final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    static final long INTERVAL_MILLIS = Long.getLong("hub.storage.housekeeping-millis", 500);
    /**
     * Chunks at most this many percent live are moved. At most half live, moving a chunk writes no
     * more than it frees, and the file holds at most about twice its live data beside the chunks
     * still in their retention time. (H2's idle target is 90%; under load it moves only chunks
     * emptier than the average.) Settable with {@code -Dhub.storage.housekeeping-fill}, for
     * diagnosis.
     */
    static final int TARGET_FILL_RATE = Integer.getInteger("hub.storage.housekeeping-fill", 50);
    /**
     * Bytes of live pages moved per run at most: the same 8 MB a second as H2's 16 MB every 2 s, in
     * smaller runs (when the moves were H2's locked step, the fan-out benchmark's delivery p99 fell
     * from about 700 to 340 ms once 16 MB runs stopped holding commits up; now the budget bounds a
     * run's work and the pages it reads at once). Settable with
     * {@code -Dhub.storage.housekeeping-bytes}, for diagnosis (docs/web.md, sixth round).
     */
    static final int WRITE_BUDGET = Integer.getInteger("hub.storage.housekeeping-bytes", 4 * 1024 * 1024);

    /**
     * Bytes of moved pages per commit: the moves go out in commits of about this size, so no
     * single commit (which writers wait for) serialises the whole run's pages. Settable with
     * {@code -Dhub.storage.housekeeping-batch-bytes}, for diagnosis (64 KB was no better in the one
     * run made; docs/web.md, seventh round).
     */
    static final int BATCH_BYTES = Integer.getInteger("hub.storage.housekeeping-batch-bytes", 256 * 1024);

    /**
     * Bytes H2's own step, under its store lock, rewrites at most: by then {@link ChunkEvacuation}
     * has moved the collections' pages, and what is left for it is mostly pages of H2's layout
     * and meta maps, which only it may move.
     */
    static final int LOCKED_BUDGET = Integer.getInteger("hub.storage.locked-compaction-bytes", 64 * 1024);

    /**
     * H2's locked step runs when the file's chunks as a whole are less live than this (for H2 it
     * is a gate on the whole file, not a limit per chunk); it then takes the emptiest chunks.
     */
    static final int LOCKED_FILL_GATE = 90;

    private final ScheduledExecutorService timer;
    private final ChunkEvacuation evacuation;
    private final FreedSpaceScrub scrubber;
    /** The scrub asked for and not yet started, which later requests join. */
    private final AtomicReference<CompletableFuture<RemovedDataScrub.Report>> queuedScrub = new AtomicReference<>();
    /** Counted down when the store stops: a scrub's waits end at once, and the scrub with them. */
    private final CountDownLatch stopping;
    private volatile LongConsumer stepListener = nanos -> {
    };
    private volatile MovesListener movesListener = (nanos, bytes) -> {
    };

    private Housekeeping(ScheduledExecutorService timer, ChunkEvacuation evacuation, FreedSpaceScrub scrubber,
            CountDownLatch stopping) {
        this.timer = timer;
        this.evacuation = evacuation;
        this.scrubber = scrubber;
        this.stopping = stopping;
    }

    /** Tells {@code listener} how long, in nanoseconds, each locked step that moved pages held the store. */
    void onStep(LongConsumer listener) {
        this.stepListener = listener;
    }

    /**
     * Tells {@code listener} how long, in nanoseconds, each run of page moves took (with its
     * commits), and how many bytes of pages it moved; writers do not wait for a run as a whole,
     * only for the commits that carry it.
     */
    void onMoves(MovesListener listener) {
        this.movesListener = listener;
    }

    interface MovesListener {
        void moved(long nanos, long bytes);
    }

    static Housekeeping start(MVStore store, CommitPolicy commits, Durability durability) {
        if (durability == Durability.BACKGROUND || INTERVAL_MILLIS <= 0) {
            return new Housekeeping(null, null, null, new CountDownLatch(1));
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hub-storage-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch stopping = new CountDownLatch(1);
        Housekeeping housekeeping = new Housekeeping(timer, new ChunkEvacuation(store),
                new FreedSpaceScrub(store, commits, stopping), stopping);
        timer.scheduleWithFixedDelay(() -> housekeeping.compact(store, commits),
                INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** Whether a scrub is waiting to start. */
    boolean scrubQueued() {
        return queuedScrub.get() != null;
    }

    /**
     * Runs a {@link FreedSpaceScrub} on the housekeeping thread (no page moves run beside it); a
     * scrub queued and not yet started is joined instead of queueing another.
     */
    CompletableFuture<RemovedDataScrub.Report> scrub() {
        if (timer == null) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the store saves in the background (benchmark baseline): nothing is scrubbed"));
        }
        CompletableFuture<RemovedDataScrub.Report> queued = new CompletableFuture<>();
        CompletableFuture<RemovedDataScrub.Report> joined = queuedScrub.compareAndExchange(null, queued);
        if (joined != null) {
            return joined;
        }
        timer.execute(() -> {
            queuedScrub.compareAndSet(queued, null);
            try {
                queued.complete(scrubber.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queued.completeExceptionally(e);
            } catch (java.util.concurrent.CancellationException e) {
                log.info("Scrubbing removed data from the store file stopped with the store; the next start runs it again");
                queued.completeExceptionally(e);
            } catch (RuntimeException e) {
                log.warn("Scrubbing removed data from the store file failed", e);
                queued.completeExceptionally(e);
            }
        });
        return queued;
    }

    private void compact(MVStore store, CommitPolicy commits) {
        try {
            long started = System.nanoTime();
            long moved = evacuation.step(TARGET_FILL_RATE, WRITE_BUDGET, BATCH_BYTES, commits::flush);
            if (moved > 0) {
                movesListener.moved(System.nanoTime() - started, moved);
            }
            started = System.nanoTime();
            if (commits.betweenCommits(() -> store.compact(LOCKED_FILL_GATE, LOCKED_BUDGET))) {
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
        stopping.countDown();
        if (timer == null) {
            return;
        }
        timer.shutdown();
        try {
            // a scrub sees the latch between steps and in its waits, so this is a page move or a
            // scrub step at most
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Storage housekeeping did not stop within 30 s; the store closes anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
