package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page moves beside writes ({@link ChunkEvacuation}): they empty sparse chunks without H2's store
 * lock, and a writer changing the same entries meanwhile loses nothing, before or after a restart.
 */
@ExtendWith(QuietLogs.class)
class ChunkEvacuationTests {

    private static final int ENTRIES = 6_000;

    @TempDir
    Path dataDir;

    @Test
    void whenChunksAreSparseThenTheirPagesMoveAndEveryEntryKeepsItsValue() {
        Path file = dataDir.resolve("store.db");
        MVStore store = openWithoutRetention(file);
        try {
            MVMap<String, String> items = store.openMap("items");
            fillThenThin(store, items);
            Set<Integer> sparse = sparseChunks(store);
            assertThat(referencedChunks(items)).as("chunks the map's pages are in").containsAnyElementsOf(sparse);

            long moved = new ChunkEvacuation(store).step(90, Integer.MAX_VALUE, 64 * 1024, store::commit);
            store.commit();

            assertThat(moved).as("bytes of pages moved").isPositive();
            assertThat(referencedChunks(items)).as("chunks the map's pages are in").doesNotContainAnyElementsOf(sparse);
            // H2 reuses a dead chunk once a few versions (5 by default) have passed its death
            for (int i = 0; i < 10; i++) {
                store.openMap("other").put("tick", i);
                store.commit();
            }
            assertThat(chunksInLayout(store)).as("chunks the store still keeps").doesNotContainAnyElementsOf(sparse);
            assertEveryEntry(items);
        } finally {
            store.close();
        }
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertEveryEntry(reopened.openMap("items"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void whenAWriterChangesEntriesWhilePagesMoveThenNoChangeIsLost() throws Exception {
        Path file = dataDir.resolve("store.db");
        MVStore store = openWithoutRetention(file);
        Map<String, String> expected = new HashMap<>();
        try {
            MVMap<String, String> items = store.openMap("items");
            fillThenThin(store, items);
            for (int i = 0; i < ENTRIES; i++) {
                expected.put(key(i), items.get(key(i)));
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong writes = new AtomicLong();
            Thread writer = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    String key = key(random.nextInt(ENTRIES));
                    String value = "changed-" + writes.incrementAndGet();
                    items.put(key, value);
                    synchronized (expected) {
                        expected.put(key, value);
                    }
                    if (writes.get() % 50 == 0) {
                        store.commit();
                    }
                }
            });
            writer.start();
            ChunkEvacuation evacuation = new ChunkEvacuation(store);
            long moved = 0;
            long movedDuringWrites = 0;
            try {
                for (int run = 0; run < 400 && (movedDuringWrites == 0 || writes.get() < 20_000); run++) {
                    long writesBefore = writes.get();
                    long step = evacuation.step(90, 256 * 1024, 32 * 1024, store::commit);
                    moved += step;
                    if (writesBefore >= 1_000 && writes.get() > writesBefore) {
                        movedDuringWrites += step;
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            store.commit();

            assertThat(moved).as("bytes of pages moved").isPositive();
            assertThat(movedDuringWrites).as("bytes of pages moved by runs the writer wrote through").isPositive();
            assertThat(writes.get()).isPositive();
            synchronized (expected) {
                for (Map.Entry<String, String> entry : expected.entrySet()) {
                    assertThat(items.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
                }
            }
        } finally {
            store.close();
        }
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<String, String> items = reopened.openMap("items");
            assertThat(items.sizeAsLong()).isEqualTo(ENTRIES);
            for (Map.Entry<String, String> entry : expected.entrySet()) {
                assertThat(items.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
            }
        } finally {
            reopened.close();
        }
    }

    @Test
    void whenChunksAreYoungerThanTheRetentionTimeThenNothingMovesUntilTheyAreOlder() throws Exception {
        MVStore store = StoreFile.open(dataDir.resolve("store.db"), StorageProperties.Durability.GROUP_COMMIT);
        try {
            store.setRetentionTime(3_000);
            MVMap<String, String> items = store.openMap("items");
            long written = System.nanoTime();
            fillThenThin(store, items);
            ChunkEvacuation evacuation = new ChunkEvacuation(store);

            assertThat(evacuation.step(90, 1 << 20, 64 * 1024, store::commit)).as("moved while young").isZero();
            Thread.sleep(Math.max(0, 3_200 - (System.nanoTime() - written) / 1_000_000));
            assertThat(evacuation.step(90, 1 << 20, 64 * 1024, store::commit)).as("moved once older").isPositive();
            store.commit();
            assertEveryEntry(items);
        } finally {
            store.close();
        }
    }

    @Test
    void whenMoreIsSparseThanTheBudgetThenARunMovesNoMoreThanTheBudget() {
        MVStore store = openWithoutRetention(dataDir.resolve("store.db"));
        try {
            MVMap<String, String> items = store.openMap("items");
            fillThenThin(store, items);
            int budget = 64 * 1024;
            long sparseBytes = sparseLiveBytes(store);
            assertThat(sparseBytes).as("live bytes in sparse chunks").isGreaterThan(3L * budget);

            long moved = new ChunkEvacuation(store).step(90, budget, 16 * 1024, store::commit);

            assertThat(moved).as("bytes moved by one run").isPositive().isLessThanOrEqualTo(budget);
            store.commit();
            assertEveryEntry(items);
        } finally {
            store.close();
        }
    }

    /** The hub's own store settings, with chunks rewritable at once instead of after 10 s. */
    private static MVStore openWithoutRetention(Path file) {
        MVStore store = StoreFile.open(file, StorageProperties.Durability.GROUP_COMMIT);
        store.setRetentionTime(0);
        return store;
    }

    /**
     * Many small commits, then two of every three runs of 50 entries changed: a page is written
     * whole, so the first chunks keep the pages of the runs left alone and are mostly dead.
     */
    private static void fillThenThin(MVStore store, MVMap<String, String> items) {
        for (int i = 0; i < ENTRIES; i++) {
            items.put(key(i), "first-" + i + "-" + "x".repeat(200));
            if (i % 100 == 99) {
                store.commit();
            }
        }
        for (int i = 0; i < ENTRIES; i++) {
            if (!untouched(i)) {
                items.put(key(i), "second-" + i);
            }
        }
        store.commit();
    }

    /**
     * Chunks with live pages that are at most 90% live, from the store's layout, leaving out the
     * last one saved (neither H2 nor {@link ChunkEvacuation} moves it: that could loop).
     */
    private static List<Chunk<?>> sparse(MVStore store) {
        List<Chunk<?>> sparse = new ArrayList<>();
        store.getFileStore().getLayoutMap().forEach((key, value) -> {
            if (key.startsWith("chunk.")) {
                Chunk<?> chunk = store.getFileStore().createChunk(value);
                if (chunk.maxLenLive > 0 && 100 * chunk.maxLenLive / chunk.maxLen <= 90
                        && chunk.version < store.getCurrentVersion() - 1) {
                    sparse.add(chunk);
                }
            }
        });
        return sparse;
    }

    private static Set<Integer> sparseChunks(MVStore store) {
        Set<Integer> ids = new HashSet<>();
        sparse(store).forEach(chunk -> ids.add(chunk.id));
        return ids;
    }

    private static long sparseLiveBytes(MVStore store) {
        return sparse(store).stream().mapToLong(chunk -> chunk.maxLenLive).sum();
    }

    private static Set<Integer> chunksInLayout(MVStore store) {
        Set<Integer> chunks = new HashSet<>();
        store.getFileStore().getLayoutMap().forEach((key, value) -> {
            if (key.startsWith("chunk.")) {
                chunks.add(store.getFileStore().createChunk(value).id);
            }
        });
        return chunks;
    }

    /** Every chunk holding a page of the map, from the positions its inner pages point at. */
    private static Set<Integer> referencedChunks(MVMap<String, String> map) {
        Set<Integer> chunks = new HashSet<>();
        addChunks(map.getRootPage(), chunks);
        return chunks;
    }

    private static void addChunks(Page<String, String> page, Set<Integer> chunks) {
        if (DataUtils.isPageSaved(page.getPos())) {
            chunks.add(DataUtils.getPageChunkId(page.getPos()));
        }
        if (!page.isLeaf()) {
            for (int i = 0; i < page.getRawChildPageCount(); i++) {
                long pos = page.getChildPagePos(i);
                if (DataUtils.isPageSaved(pos) && DataUtils.isLeafPosition(pos)) {
                    chunks.add(DataUtils.getPageChunkId(pos));
                } else {
                    addChunks(page.getChildPage(i), chunks);
                }
            }
        }
    }

    private static void assertEveryEntry(MVMap<String, String> items) {
        assertThat(items.sizeAsLong()).isEqualTo(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            assertThat(items.get(key(i))).as(key(i)).startsWith(untouched(i) ? "first-" + i + "-" : "second-" + i);
        }
    }

    private static boolean untouched(int i) {
        return i / 50 % 3 == 0;
    }

    private static String key(int i) {
        return "item-%05d".formatted(i);
    }
}
