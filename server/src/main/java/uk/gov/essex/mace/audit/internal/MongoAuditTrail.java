package uk.gov.essex.mace.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;

/**
 * Appends entries as leaves of the Merkle tree in {@code audit_entries}.
 *
 * <p>Correctness across processes rests on the database alone: an entry is inserted with
 * {@code _id} = the next sequence number, and the unique {@code _id} index lets exactly one
 * process have each number. A process that loses the race gets a duplicate-key error, finds the
 * new end of the trail and retries with the following numbers. So two hubs on one database can
 * never fork the tree.
 *
 * <p>Within a process, concurrent callers are group-committed: one caller at a time (the leader,
 * holding the lock) inserts everything queued so far with one ordered insert, durably, and marks
 * each entry it wrote done, waking its caller. An ordered insert stops at the first failure, so
 * what was written is always a prefix: a failed append can never leave a hole that later entries
 * sit beyond. The lock serves throughput and that prefix property, not uniqueness.
 *
 * <p>{@link #appendBefore} callers go on as soon as their entry is inserted, make their change,
 * and then wait once for both to be durable ({@link AuditEntries#awaitDurable}: a store commits in
 * the order it applied). A leader that is such a caller inserts its batch without waiting for the
 * journal, and its own wait makes the whole batch durable; the others in the batch are marked done
 * after it. (Leaders of plain appends were tried the same way, letting go of the lock before the
 * commit wait: on the fan-out benchmark the extra round trip cost more than the overlap saved.)
 *
 * <p>Callers that find a leader at work wait on their own entry instead of queueing for the lock:
 * a caller whose entry another leader wrote returns without ever taking the lock, and a leader,
 * once its batch is written, hands the lock on by waking the oldest caller still queued. With
 * every caller taking the lock in turn just to learn that its entry was already written, a busy
 * machine (where each hand-over of a contended lock waits for the scheduler) made the trail a
 * convoy of a few hundred appends a second however many entries a batch carried.
 *
 * <p>Fails closed: a caller whose entry is not acknowledged gets {@link AuditUnavailableException}.
 */
@Component
public class MongoAuditTrail implements AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(MongoAuditTrail.class);
    static final int MAX_BATCH = 512;
    static final int MAX_RACES_LOST = 64;
    /** Longest a waiting caller sleeps before looking at its entry again (see {@link #awaitWritten}). */
    static final long MAX_WAIT_NANOS = 50_000_000;

    private final AuditEntries entries;
    private final TrailEnd end;
    private final EntrySeal seal;
    private final Clock clock;
    private final Queue<PendingEntry> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();
    /** The next sequence number to try, or -1 when unknown; guarded by {@link #writer}. */
    private long next = -1;

    public MongoAuditTrail(AuditEntries entries, TrailEnd end, EntrySeal seal, Clock clock) {
        this.entries = entries;
        this.end = end;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public long append(AuditEvent event) {
        PendingEntry pending = new PendingEntry(PendingEntry.draft(event, clock.instant()), false);
        queue.add(pending);
        makeDurable(awaitWritten(pending));
        return pending.sequence();
    }

    /**
     * Waits only until the entry is inserted (its leader wakes it then), makes the change, and
     * then makes both durable with a journaled write of its own: the store commits the change
     * only with the entry applied before it.
     */
    @Override
    public <T> T appendBefore(AuditEvent event, Supplier<T> change) {
        PendingEntry pending = new PendingEntry(PendingEntry.draft(event, clock.instant()), true);
        queue.add(pending);
        List<PendingEntry> owed = awaitWritten(pending);
        T result;
        try {
            pending.sequence(); // throws the entry's failure: the change is not made
            result = change.get();
        } catch (RuntimeException | Error e) {
            makeDurable(owed); // the entries this caller led still reach their callers
            throw e;
        }
        AuditUnavailableException failure = awaitDurable(owed); // its own entry and change among what it covers
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /**
     * Returns once {@code last} and every entry queued before it are written or failed (for an
     * {@code appendBefore} entry: inserted or failed): leads a write when no one else is, otherwise
     * waits to be woken by the leader that took it or that hands over the lead. Returns the entries
     * an {@code appendBefore} caller led and must make durable itself ({@link #makeDurable}),
     * otherwise nothing.
     *
     * <p>No entry is left queued with no one to write it: a caller that fails to take the lock
     * queued its entry before trying, and the holder, after unlocking, looks at the queue and wakes
     * the caller of its oldest entry. The timed wait only bounds the cost of a bug in that
     * reasoning; it is not relied on.
     */
    private List<PendingEntry> awaitWritten(PendingEntry last) {
        boolean interrupted = false;
        try {
            while (!last.isAnswered()) {
                if (!last.isTaken() && writer.tryLock()) {
                    // an append's leader inserts durably; an appendBefore caller's leader does not,
                    // so that one wait after its change covers both
                    boolean durably = !last.answeredWhenInserted();
                    List<PendingEntry> inserted;
                    try {
                        inserted = insertQueued(durably);
                        if (durably) {
                            inserted.forEach(PendingEntry::succeed);
                        }
                    } finally {
                        writer.unlock();
                    }
                    PendingEntry oldest = queue.peek();
                    if (oldest != null) {
                        oldest.wake();
                    }
                    if (durably) {
                        continue;
                    }
                    // the other appendBefore callers make their own entries durable, after their changes
                    List<PendingEntry> owed = inserted.stream().filter(p -> !p.answeredWhenInserted()).toList();
                    if (last.isAnswered()) {
                        return owed; // made durable by this caller's own wait, so its change is not held up
                    }
                    makeDurable(owed);
                } else {
                    interrupted |= PendingEntry.await(MAX_WAIT_NANOS);
                }
            }
            return List.of();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Appends many entries with as few inserts as possible, in order; for imports and benchmarks.
     *
     * @return the sequence number of the first
     * @throws AuditUnavailableException when any of them could not be written
     */
    public long appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        List<PendingEntry> pending = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            pending.add(new PendingEntry(PendingEntry.draft(event, clock.instant()), false));
        }
        queue.addAll(pending);
        // batches are made durable side by side, so an earlier one may finish after a later one
        for (PendingEntry entry : pending) {
            makeDurable(awaitWritten(entry));
        }
        pending.forEach(PendingEntry::sequence);
        return pending.get(0).sequence();
    }

    /**
     * Inserts what is queued, up to {@link #MAX_BATCH}, durably or (for {@link #makeDurable} to
     * finish) only applied; fails the entries that could not be inserted and returns those that
     * were, numbered.
     */
    private List<PendingEntry> insertQueued(boolean durably) {
        List<PendingEntry> batch = new ArrayList<>();
        for (PendingEntry p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            p.take();
            batch.add(p);
        }
        int written = 0;
        int racesLost = 0;
        try {
            if (next < 0) {
                next = end.firstFree();
            }
            while (written < batch.size()) {
                List<PendingEntry> rest = batch.subList(written, batch.size());
                try {
                    List<Document> docs = documents(rest, next);
                    if (durably) {
                        entries.insertInOrder(docs);
                    } else {
                        entries.insertInOrderUnjournaled(docs);
                    }
                    written += number(rest, rest.size());
                } catch (MongoBulkWriteException e) {
                    BulkWriteError first = e.getWriteErrors().get(0);
                    written += number(rest, first.getIndex());
                    if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY
                            || ++racesLost > MAX_RACES_LOST) {
                        throw e;
                    }
                    next = end.firstFreeFrom(next);
                }
            }
        } catch (RuntimeException | Error e) {
            next = -1;
            log.error("Audit trail unavailable: {} entries not written", batch.size() - written, e);
            AuditUnavailableException failure = new AuditUnavailableException("audit entry could not be written", e);
            batch.subList(written, batch.size()).forEach(p -> p.fail(failure)); // taken entries are always answered
            if (e instanceof Error error) {
                batch.subList(0, written).forEach(p -> p.fail(failure));
                throw error;
            }
        }
        return batch.subList(0, written);
    }

    /** Marks {@code inserted} done once durable, or failed if that cannot be known. */
    private void makeDurable(List<PendingEntry> inserted) {
        if (!inserted.isEmpty()) {
            awaitDurable(inserted);
        }
    }

    /**
     * Waits until everything applied so far is durable, then marks {@code inserted} done; returns
     * null, or the failure each of them was marked with when that cannot be known.
     */
    private AuditUnavailableException awaitDurable(List<PendingEntry> inserted) {
        try {
            entries.awaitDurable();
        } catch (RuntimeException | Error e) {
            log.error("Audit trail unavailable: entries written but not known to be durable ({} led by this caller)",
                    inserted.size(), e);
            AuditUnavailableException failure = new AuditUnavailableException("audit entry could not be made durable", e);
            inserted.forEach(p -> p.fail(failure)); // taken entries are always answered
            if (e instanceof Error error) {
                throw error;
            }
            return failure;
        }
        inserted.forEach(PendingEntry::succeed);
        return null;
    }

    private List<Document> documents(List<PendingEntry> pending, long from) {
        List<Document> docs = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            AuditEntry entry = pending.get(i).draft().at(from + i);
            byte[] leafHash = EntryEncoding.leafHash(entry);
            docs.add(EntryDocuments.toDocument(entry, leafHash, seal.seal(leafHash)));
        }
        return docs;
    }

    /**
     * Numbers the first {@code count} of {@code pending}, inserted at {@link #next} onwards; wakes
     * the callers of {@link #appendBefore} among them, whose changes may now be made.
     */
    private int number(List<PendingEntry> pending, int count) {
        for (int i = 0; i < count; i++) {
            pending.get(i).number(next++);
        }
        return count;
    }
}
