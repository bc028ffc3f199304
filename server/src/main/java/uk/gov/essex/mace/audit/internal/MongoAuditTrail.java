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
 * holding the lock) inserts everything queued so far with one ordered insert, acknowledged once
 * applied but before the journal, and numbers what it inserted. An ordered insert stops at the
 * first failure, so what was written is always a prefix: a failed append can never leave a hole
 * that later entries sit beyond. The lock serves throughput and that prefix property, not
 * uniqueness.
 *
 * <p>The leader then lets go of the lock, hands it on, and only then waits for its batch to be
 * durable ({@link AuditEntries#awaitDurable}), marking each entry done, which wakes its caller. So
 * the next batch is inserted while this one is being made durable, and an entry waits for the batch
 * in flight to be inserted, not for it to be committed as well: with the lock held through the
 * commit wait, every entry waited for two commits one after the other (the one in flight, then its
 * own), and on the fan-out benchmark the append cost about three times any other durable write.
 *
 * <p>Callers that find a leader at work wait on their own entry instead of queueing for the lock:
 * a caller whose entry another leader took returns without ever taking the lock, and a leader,
 * once its batch is inserted, hands the lock on by waking the oldest caller still queued. With
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
        PendingEntry pending = new PendingEntry(PendingEntry.draft(event, clock.instant()));
        queue.add(pending);
        awaitWritten(pending);
        return pending.sequence();
    }

    /**
     * Returns once {@code last} and every entry queued before it are written or failed: leads a
     * write when no one else is, otherwise waits to be woken by the leader that took it (once it is
     * durable) or that hands over the lead.
     *
     * <p>No entry is left queued with no one to write it: a caller that fails to take the lock
     * queued its entry before trying, and the holder, after unlocking, looks at the queue and wakes
     * the caller of its oldest entry. The timed wait only bounds the cost of a bug in that
     * reasoning; it is not relied on.
     */
    private void awaitWritten(PendingEntry last) {
        boolean interrupted = false;
        while (!last.isDone()) {
            if (!last.isTaken() && writer.tryLock()) {
                List<PendingEntry> inserted;
                try {
                    inserted = insertQueued();
                } finally {
                    writer.unlock();
                }
                PendingEntry oldest = queue.peek();
                if (oldest != null) {
                    oldest.wake();
                }
                makeDurable(inserted);
            } else {
                interrupted |= PendingEntry.await(MAX_WAIT_NANOS);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
            pending.add(new PendingEntry(PendingEntry.draft(event, clock.instant())));
        }
        queue.addAll(pending);
        // entries leave the queue in order, so once the last is done every one is
        awaitWritten(pending.get(pending.size() - 1));
        pending.forEach(PendingEntry::sequence);
        return pending.get(0).sequence();
    }

    /**
     * Inserts what is queued, up to {@link #MAX_BATCH}, not yet durable; fails the entries that
     * could not be inserted and returns those that were, numbered, for {@link #makeDurable}.
     */
    private List<PendingEntry> insertQueued() {
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
                    entries.insertInOrderUnjournaled(documents(rest, next));
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
        } catch (RuntimeException e) {
            next = -1;
            log.error("Audit trail unavailable: {} entries not written", batch.size() - written, e);
            AuditUnavailableException failure = new AuditUnavailableException("audit entry could not be written", e);
            batch.subList(written, batch.size()).forEach(p -> p.fail(failure));
        }
        return batch.subList(0, written);
    }

    /** Marks {@code inserted} done once durable, or failed if that cannot be known. */
    private void makeDurable(List<PendingEntry> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        try {
            entries.awaitDurable();
        } catch (RuntimeException e) {
            log.error("Audit trail unavailable: {} entries written but not known to be durable", inserted.size(), e);
            AuditUnavailableException failure = new AuditUnavailableException("audit entry could not be made durable", e);
            inserted.forEach(p -> p.fail(failure));
            return;
        }
        inserted.forEach(PendingEntry::succeed);
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

    /** Numbers the first {@code count} of {@code pending}, inserted at {@link #next} onwards. */
    private int number(List<PendingEntry> pending, int count) {
        for (int i = 0; i < count; i++) {
            pending.get(i).number(next++);
        }
        return count;
    }
}
