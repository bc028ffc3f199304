package uk.gov.essex.mace.storage;

import java.nio.file.Path;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Opens the single MVStore file the H2 backend keeps every collection in, with the saving
 * behaviour a durability mode needs.
 */
final class StoreFile {

    /**
     * How old a chunk must be before H2 moves its pages or reuses its space once it is dead. It
     * counts from the chunk's creation, not its death, so it does not protect a read in progress:
     * each command registers the version it reads instead ({@link DurableH2Backend#handleMessage}).
     * H2's default of 45 s is sized for disks that reorder unflushed writes on power loss, which
     * this store does not promise to survive (see docs/storage.md); at one commit per write burst
     * it made the file grow by tens of megabytes a second under load.
     */
    static final int RETENTION_MILLIS = 10_000;

    /** Time allowed to compact the file in place when the server shuts down cleanly. */
    static final int CLOSE_COMPACTION_MILLIS = 2_000;

    /**
     * Below this share of live data in its chunks, a clean shutdown also copies the live data into
     * a fresh file (then renames it over the old one, so a kill meanwhile leaves the old file).
     */
    static final int REWRITE_BELOW_FILL_PERCENT = 50;

    /**
     * A page is split beyond this many bytes of entries. Every commit rewrites each page a change
     * touched, so at one commit per few writes a smaller page is less to encode again: H2's default
     * of 16 KB re-encoded some twenty documents to save one, and the fan-out benchmark's writes
     * answered at a median of 311 ms at 200 shares/s against 54 ms with 4 KB and a larger cache.
     */
    static final int PAGE_SPLIT_BYTES = 4 * 1024;

    /**
     * Pages kept in memory, counted by their documents' BSON bytes (H2's default: 16 MB); the
     * documents read from a cached page are also kept decoded, about five times as much heap
     * ({@link StoredDocument}). The live case feed reads recent items and cases, and 16 MB held
     * too few of them once the audit trail grew.
     */
    static final int CACHE_MEGABYTES = 64;

    private StoreFile() {
    }

    /** Commits, closes and, if the file is mostly dead chunks, rewrites it compactly. */
    static void close(MVStore store, Path file) {
        int fill = store.getFileStore().getChunksFillRate();
        FileStore<?> fileStore = store.getFileStore();
        store.close(CLOSE_COMPACTION_MILLIS);
        if (fill < REWRITE_BELOW_FILL_PERCENT) {
            MVStore.compact(file.toString(), false, fileStore);
        }
    }

    /**
     * Brings the file to the current store format ({@link StoredMaps#migrate}) in an open of its own
     * with H2's saving off, whatever the durability mode the hub then opens it with: the library
     * default's memory-triggered save would otherwise commit part of a rewrite.
     */
    static void migrate(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        try {
            StoredMaps.migrate(store);
        } finally {
            store.close();
        }
    }

    static MVStore open(Path file, Durability durability) {
        if (durability == Durability.BACKGROUND) {
            // exactly what H2Backend(String) does: the library default, the benchmark baseline
            return MVStore.open(file.toString());
        }
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                // no background writer and no save triggered by unsaved memory: every commit is
                // ours, taken while no command is half-applied
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .pageSplitSize(PAGE_SPLIT_BYTES)
                .cacheSize(CACHE_MEGABYTES)
                .open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }
}
