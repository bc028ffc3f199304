package uk.gov.essex.mace.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.CursorPos;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVMap.Decision;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.Page;

/**
 * Moves the live pages out of sparsely filled chunks the way a writer would: each page is written
 * again, unchanged, by an ordinary map operation, and the next commit stores it in a new chunk, so
 * the old chunk ends up holding nothing and its space is reused.
 *
 * <p>This is what H2's own {@link MVStore#compact} does, with one difference that matters here: H2
 * does it while holding the store lock, for the whole step, and a commit needs that lock, so every
 * write acknowledged by group commit waited for the step (10 to 90 ms in the fan-out benchmark;
 * docs/web.md, sixth round). A page written again holds the same entries as before, so it can be
 * written beside other writers like any other change: a commit that catches some of the moved pages
 * and not others stores the same data either way. Nothing here takes the store lock.
 *
 * <p>Only the stores' own maps are moved: the layout and meta maps, which a commit itself writes,
 * are left to H2's locked step ({@link Housekeeping}), which after this finds little to move.
 */
final class ChunkEvacuation {

    /** The layout map's key prefix for a chunk's metadata. */
    private static final String CHUNK_PREFIX = "chunk.";
    /** The layout entry's attribute of a chunk with pinned pages. */
    private static final String PINNED = "pinCount:";

    private final MVStore store;
    /** The chunks' layout entries as last read, parsed; only this class's one thread uses it. */
    private Map<String, Parsed> parsed = new HashMap<>();
    /** Layout entries of chosen chunks in which no page of a collection was found. */
    private final Set<String> barren = new HashSet<>();

    ChunkEvacuation(MVStore store) {
        this.store = store;
    }

    /**
     * Chooses chunks at most {@code targetFillRate} percent live and older than the retention
     * time, holding at most {@code budget} bytes of live pages together, and writes those pages
     * again, calling {@code batchDone} after about every {@code batchBytes} bytes (so the caller can
     * commit in small steps). Returns the bytes of pages written again.
     */
    long step(int targetFillRate, int budget, int batchBytes, Runnable batchDone) {
        // registered before the layout is read, as H2 does: no chunk whose pages this run reads
        // (the layout's, the maps') is reused until it ends
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            Map<Integer, String> chosen = choose(targetFillRate, budget);
            if (chosen.isEmpty()) {
                return 0;
            }
            List<Move> moves = new ArrayList<>();
            boolean walkedEveryMap = true;
            for (MVMap<Object, Object> map : dataMaps()) {
                try {
                    Page<Object, Object> root = map.getRootPage();
                    if (DataUtils.isPageSaved(root.getPos()) && chosen.containsKey(chunkOf(root.getPos()))) {
                        moves.add(Move.of(map, root.getPos(), root));
                    }
                    collect(map, root, chosen.keySet(), moves);
                } catch (MVStoreException e) {
                    // the map was dropped, or a commit replaced a page while it was read: its
                    // pages are left for the next run
                    walkedEveryMap = false;
                }
            }
            if (walkedEveryMap) {
                // a chunk kept only by H2's own maps' pages: this cannot move them (H2's locked
                // step does), so it is not chosen again until its layout entry changes; after an
                // unfinished walk a chunk may only seem so
                Set<Integer> found = new HashSet<>();
                moves.forEach(move -> found.add(chunkOf(move.pos)));
                chosen.forEach((chunk, layout) -> {
                    if (!found.contains(chunk)) {
                        barren.add(layout);
                    }
                });
            }
            // leaves first: writing a leaf again writes each page above it again too, so most
            // chosen inner pages have moved by the time their turn comes
            moves.sort(Comparator.comparing(move -> !DataUtils.isLeafPosition(move.pos)));
            long moved = 0;
            long sinceBatch = 0;
            for (Move move : moves) {
                if (rewrite(move)) {
                    int length = DataUtils.getPageMaxLength(move.pos);
                    moved += length;
                    sinceBatch += length;
                    if (sinceBatch >= batchBytes) {
                        batchDone.run();
                        sinceBatch = 0;
                    }
                }
            }
            if (sinceBatch > 0) {
                batchDone.run();
            }
            return moved;
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /**
     * H2's own choice ({@code FileStore.findOldChunks}): the emptiest and oldest first, up to the
     * budget; a chunk with more live bytes than the whole budget is left to the compaction at a
     * clean shutdown, as H2 leaves it. Returns each chosen chunk's id with its layout entry.
     */
    private Map<Integer, String> choose(int targetFillRate, int budget) {
        FileStore<?> file = store.getFileStore();
        long now = System.currentTimeMillis() - file.getCreationTime();
        long retention = store.getRetentionTime();
        long currentVersion = store.getCurrentVersion();
        List<Parsed> candidates = new ArrayList<>();
        Map<String, Parsed> seen = new HashMap<>();
        Set<String> stillBarren = new HashSet<>();
        for (Map.Entry<String, String> entry : file.getLayoutMap().entrySet()) {
            if (!entry.getKey().startsWith(CHUNK_PREFIX)) {
                continue;
            }
            String layout = entry.getValue();
            // a chunk's entry changes only when its occupancy does: most are parsed once
            Parsed known = parsed.get(entry.getKey());
            if (known == null || !known.layout.equals(layout)) {
                known = new Parsed(layout, file.createChunk(layout));
            }
            seen.put(entry.getKey(), known);
            if (barren.contains(layout)) {
                stillBarren.add(layout);
                continue;
            }
            Chunk<?> chunk = known.chunk;
            boolean live = chunk.maxLenLive > 0 && chunk.maxLenLive < chunk.maxLen;
            boolean seasoned = retention < 0 || chunk.time + retention <= now;
            // a pinned chunk (H2's transaction store pins pages; nothing here does) is not moved
            boolean pinned = layout.contains(PINNED);
            if (live && seasoned && !pinned && chunk.version < currentVersion - 1 && chunk.maxLenLive <= budget
                    && 100 * chunk.maxLenLive / chunk.maxLen <= targetFillRate) {
                candidates.add(known);
            }
        }
        parsed = seen;
        barren.retainAll(stillBarren);
        long latest = currentVersion;
        candidates.sort(Comparator.comparingLong(known -> 100 * 1000 * known.chunk.maxLenLive / known.chunk.maxLen
                / Math.max(1, latest - known.chunk.version)));
        Map<Integer, String> chosen = new HashMap<>();
        long total = 0;
        for (Parsed known : candidates) {
            if (total + known.chunk.maxLenLive > budget) {
                break;
            }
            total += known.chunk.maxLenLive;
            chosen.put(known.chunk.id, known.layout);
        }
        return chosen;
    }

    /** The open maps named in the meta map: every collection and index, none of H2's own. */
    private List<MVMap<Object, Object>> dataMaps() {
        List<MVMap<Object, Object>> maps = new ArrayList<>();
        MVMap<String, String> meta = store.getMetaMap();
        for (var cursor = meta.cursor(DataUtils.META_NAME); cursor.hasNext();) {
            String key = cursor.next();
            if (!key.startsWith(DataUtils.META_NAME)) {
                break;
            }
            MVMap<Object, Object> map = store.getMap(DataUtils.parseHexInt(cursor.getValue()));
            if (map != null && !map.isClosed()) {
                maps.add(map);
            }
        }
        return maps;
    }

    /**
     * Finds the pages under {@code page} stored in a chosen chunk: reads the inner pages, and of the
     * leaves only those in a chosen chunk (for the key that leads to each).
     */
    private static void collect(MVMap<Object, Object> map, Page<Object, Object> page, Set<Integer> chosen, List<Move> moves) {
        if (page.isLeaf()) {
            return;
        }
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            long pos = page.getChildPagePos(i);
            if (!DataUtils.isPageSaved(pos)) {
                // written since the last commit: in no chunk yet, though pages under it may be
                Page<Object, Object> unsaved = page.getChildPage(i);
                if (!unsaved.isLeaf()) {
                    collect(map, unsaved, chosen, moves);
                }
                continue;
            }
            Page<Object, Object> child = null;
            if (chosen.contains(chunkOf(pos))) {
                child = page.getChildPage(i);
                moves.add(Move.of(map, pos, child));
            }
            if (!DataUtils.isLeafPosition(pos)) {
                collect(map, child != null ? child : page.getChildPage(i), chosen, moves);
            }
        }
    }

    private static int chunkOf(long pos) {
        return DataUtils.getPageChunkId(pos);
    }

    /** Writes the page at {@code move.pos} again if it is still in the map; false if it has gone. */
    private static boolean rewrite(Move move) {
        if (move.firstKey == null || move.map.isClosed()) {
            return false;
        }
        Rewrite decision = new Rewrite(move.pos);
        try {
            move.map.operate(move.firstKey, null, decision);
        } catch (MVStoreException e) {
            return false; // the map was dropped meanwhile
        }
        return decision.decision == Decision.PUT;
    }

    private record Parsed(String layout, Chunk<?> chunk) {
    }

    /** A page to move: where it is, and a key that leads to it (its first), not the page itself. */
    private record Move(MVMap<Object, Object> map, long pos, Object firstKey) {

        static Move of(MVMap<Object, Object> map, long pos, Page<Object, Object> page) {
            return new Move(map, pos, page.getKeyCount() == 0 ? null : page.getKey(0));
        }
    }

    /**
     * Puts the entry back as it is, and only if the page reached on the way to it is the one to
     * move (H2's {@code MVMap.RewriteDecisionMaker}, which is not public): a page changed since it
     * was chosen has already left its chunk.
     */
    private static final class Rewrite extends MVMap.DecisionMaker<Object> {

        private final long pos;
        private Decision decision;

        Rewrite(long pos) {
            this.pos = pos;
        }

        @Override
        public Decision decide(Object existing, Object provided, CursorPos<?, ?> tip) {
            decision = Decision.ABORT;
            if (DataUtils.isLeafPosition(pos)) {
                if (tip.page.getPos() == pos) {
                    decision = decide(existing, provided);
                }
            } else {
                for (CursorPos<?, ?> above = tip.parent; above != null; above = above.parent) {
                    if (above.page.getPos() == pos) {
                        decision = decide(existing, provided);
                        break;
                    }
                }
            }
            return decision;
        }

        @Override
        public Decision decide(Object existing, Object provided) {
            decision = existing == null ? Decision.ABORT : Decision.PUT;
            return decision;
        }

        @Override
        public <T> T selectValue(T existing, T provided) {
            return existing;
        }

        @Override
        public void reset() {
            decision = null;
        }
    }
}
