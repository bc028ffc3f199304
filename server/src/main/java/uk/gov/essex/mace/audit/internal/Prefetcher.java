package uk.gov.essex.mace.audit.internal;

import com.mongodb.client.MongoCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the next batches from a cursor on another thread while the caller checks the current
 * one, so that verification takes about as long as reading the trail, not reading plus hashing.
 * Holds at most {@value #AHEAD} batches. Closing it stops the reader and closes the cursor.
 */
final class Prefetcher<T> implements Iterator<T>, AutoCloseable {

    private static final int AHEAD = 4;
    /** Marks the end; compared by identity. */
    private static final List<Object> END = Collections.unmodifiableList(new ArrayList<>());

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean ended;

    Prefetcher(MongoCursor<T> cursor, int batchSize) {
        this.reader = new Thread(() -> read(cursor, batchSize), "audit-verify-prefetch");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(MongoCursor<T> cursor, int batchSize) {
        try (cursor) {
            List<T> batch = new ArrayList<>(batchSize);
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == batchSize) {
                    put(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            put(batch);
            put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                put(e);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Object item) throws InterruptedException {
        while (!batches.offer(item, 100, TimeUnit.MILLISECONDS)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (!current.hasNext() && !ended) {
            Object next;
            try {
                next = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the audit trail", e);
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            ended = next == END;
            current = ((List<T>) next).iterator();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
