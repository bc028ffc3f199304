package uk.gov.essex.mace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.FreeSpaceBitSet;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.SingleFileStore;

/**
 * Makes the bytes of documents removed before it started unreadable in the store file, so that an
 * erasure leaves nothing of what it removed on disk (not even ids and clear-text fields, which
 * crypto-shredding does not cover).
 *
 * <p>An MVStore never writes a page in place: removing a document writes new pages without it and
 * leaves the old ones in the chunks that held them, where they stay, readable with a hex editor,
 * until the chunk's space is reused. And a chunk is written from a pooled buffer that is not wiped
 * between uses, so the unused tail of a new chunk can hold bytes of an older one. So this:
 * <ol>
 *   <li>commits what was applied, empties the buffer pool, waits out the retention time (so every
 *       commit that was writing from an old buffer has finished), empties it again and takes that
 *       moment as the cut-off: every chunk written after it comes from a clean buffer and holds
 *       only pages that were live then;</li>
 *   <li>writes every live page of every chunk created before the cut-off again (H2's own rewrite,
 *       under its lock, a few chunks at a time, each batch committed), so those chunks hold
 *       nothing live;</li>
 *   <li>waits out the retention time again and commits, so H2 frees them (repeating steps 2-3 if
 *       a long read kept one);</li>
 *   <li>overwrites with zeros every block the file's free-space map marks free, holding H2's lock
 *       for writing chunks so no chunk can be placed there meanwhile.</li>
 * </ol>
 * It runs on the housekeeping thread, so no page moves run beside it, and takes about twice the
 * retention time plus the time to write the live data once. H2 keeps the fields and methods it uses
 * private: they are reached by reflection, and {@code FreedSpaceScrubTests} fails if an upgrade
 * moves them.
 */
final class FreedSpaceScrub {

    private static final int BLOCK = 4096;
    /** Live bytes rewritten per locked step at most: each step holds commits off while it runs. */
    private static final long BATCH_BYTES = 1024 * 1024;
    /**
     * Rounds of rewriting and waiting at most. A chunk H2 cannot free yet (a long read still uses
     * it, or it was already dead when a killed store was opened again and H2 frees such chunks a
     * few at a time) is tried again the next round; two to five rounds were seen after a kill.
     */
    private static final int MAX_ROUNDS = 12;

    private final MVStore store;
    private final CommitPolicy commits;
    private final long waitMillis;
    private final CountDownLatch stopping;

    FreedSpaceScrub(MVStore store, CommitPolicy commits, CountDownLatch stopping) {
        this.store = store;
        this.commits = commits;
        this.stopping = stopping;
        this.waitMillis = store.getRetentionTime() + 1_000L;
    }

    RemovedDataScrub.Report run() throws InterruptedException {
        FileStore<?> file = store.getFileStore();
        commits.flush();
        emptyBufferPool(file);
        waitOut();
        emptyBufferPool(file);
        long cutOff = System.currentTimeMillis() - file.getCreationTime();
        Set<Integer> rewritten = new HashSet<>();
        int rounds = 0;
        List<Chunk<?>> old = chunksCreatedBefore(file, cutOff);
        while (!old.isEmpty()) {
            if (++rounds > MAX_ROUNDS) {
                throw new IllegalStateException(old.size() + " chunk(s) written before the scrub began are still in use after "
                        + MAX_ROUNDS + " rounds");
            }
            rewrite(file, old);
            old.forEach(chunk -> rewritten.add(chunk.id));
            waitOut();
            // a commit drops the chunks that are dead and past their retention time
            markChanged();
            commits.flush();
            old = chunksCreatedBefore(file, cutOff);
        }
        stopIfStopping();
        return new RemovedDataScrub.Report(rewritten.size(), zeroFreeBlocks(file, stopping), rounds);
    }

    /** Gives up at once if the store is stopping: nothing is half done between steps, and the next start runs it again. */
    private void stopIfStopping() {
        if (stopping.getCount() == 0) {
            throw new CancellationException("the store is stopping");
        }
    }

    /** Waits the retention time and a second, or gives up if the store is stopping (it runs again at the next start). */
    private void waitOut() throws InterruptedException {
        if (stopping.await(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new CancellationException("the store is stopping");
        }
    }

    private void rewrite(FileStore<?> file, List<Chunk<?>> chunks) {
        List<Integer> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Chunk<?> chunk : chunks) {
            stopIfStopping();
            batch.add(chunk.id);
            batchBytes += chunk.maxLenLive;
            if (batchBytes >= BATCH_BYTES) {
                rewriteBatch(file, batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            rewriteBatch(file, batch);
        }
    }

    /** H2's {@code rewriteChunks(int, int)} for the given chunks: their live pages are written again at the next commit. */
    private void rewriteBatch(FileStore<?> file, List<Integer> ids) {
        Set<Integer> set = new HashSet<>(ids);
        commits.betweenCommits(() -> {
            ReentrantLock serialization = (ReentrantLock) read(FileStore.class, "serializationLock", file);
            serialization.lock();
            MVStore.TxCounter reading = store.registerVersionUsage();
            try {
                invoke(FileStore.class, "compactRewrite", new Class<?>[] {Set.class}, file, set);
            } finally {
                store.deregisterVersionUsage(reading);
                serialization.unlock();
            }
            return null;
        });
        commits.flush();
    }

    /**
     * The file's chunks (H2's own list, which its rewrite and freeing work from; the layout map of a
     * freshly opened file may not list them yet) created before {@code cutOff} (milliseconds since
     * the file was created).
     */
    private static List<Chunk<?>> chunksCreatedBefore(FileStore<?> file, long cutOff) {
        List<Chunk<?>> found = new ArrayList<>();
        for (Object value : ((Map<?, ?>) read(FileStore.class, "chunks", file)).values()) {
            Chunk<?> chunk = (Chunk<?>) value;
            if (chunk.time < cutOff) {
                found.add(chunk);
            }
        }
        return found;
    }

    /** Writes zeros over every free block, while no chunk can be allocated. Returns the bytes written. */
    private static long zeroFreeBlocks(FileStore<?> file, CountDownLatch stopping) {
        ReentrantLock saving = (ReentrantLock) read(FileStore.class, "saveChunkLock", file);
        FreeSpaceBitSet free = (FreeSpaceBitSet) read(RandomAccessStore.class, "freeSpace", file);
        FileChannel channel = (FileChannel) read(SingleFileStore.class, "fileChannel", file);
        ByteBuffer zeros = ByteBuffer.allocate(BLOCK);
        long zeroed = 0;
        saving.lock();
        try {
            long blocks = channel.size() / BLOCK;
            // blocks 0 and 1 hold the store header, never free
            for (long block = 2; block < blocks; block++) {
                if (stopping.getCount() == 0) {
                    throw new CancellationException("the store is stopping");
                }
                long position = block * BLOCK;
                if (free.isFree(position, BLOCK)) {
                    zeros.clear();
                    while (zeros.hasRemaining()) {
                        channel.write(zeros, position + zeros.position());
                    }
                    zeroed += BLOCK;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot overwrite the store file's free space", e);
        } finally {
            saving.unlock();
        }
        return zeroed;
    }

    private static void emptyBufferPool(FileStore<?> file) {
        ((Queue<?>) read(FileStore.class, "writeBufferPool", file)).clear();
    }

    /** Gives the store an unsaved change, so the next commit stores (and drops dead chunks) even if nothing else changed. */
    private void markChanged() {
        invoke(MVStore.class, "markMetaChanged", new Class<?>[0], store);
    }

    private static Object read(Class<?> owner, String name, Object target) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 " + owner.getSimpleName() + "." + name + " is not where the scrub expects it", e);
        }
    }

    private static Object invoke(Class<?> owner, String name, Class<?>[] types, Object target, Object... args) {
        try {
            Method method = owner.getDeclaredMethod(name, types);
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("H2 " + owner.getSimpleName() + "." + name + " could not be called", e);
        }
    }
}
