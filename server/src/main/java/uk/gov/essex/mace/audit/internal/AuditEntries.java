package uk.gov.essex.mace.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_entries} collection: one document per leaf, {@code _id} = sequence number.
 * Works on the driver's collection directly because appends depend on exact ordered-insert and
 * duplicate-key semantics.
 */
@Component
public class AuditEntries {

    static final String COLLECTION = "audit_entries";

    /** Where {@link #awaitDurable} writes: one document, no content. */
    static final String BARRIER_COLLECTION = "audit_barrier";

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> unjournaled;
    private final MongoCollection<Document> barrier;

    public AuditEntries(MongoTemplate mongo) {
        // The caller is told "durable" only once a majority has the entry (a no-op on one node).
        this.collection = mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
        this.unjournaled = collection.withWriteConcern(WriteConcern.MAJORITY.withJournal(false));
        this.barrier = mongo.getCollection(BARRIER_COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** Creates the query indexes; harmless when they exist. */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(EntryDocuments.TARGETS));
        collection.createIndex(Indexes.ascending(EntryDocuments.ACTOR + ".subject"));
        collection.createIndex(Indexes.ascending(EntryDocuments.ACTOR + ".agency"));
        collection.createIndex(Indexes.ascending(EntryDocuments.ACTION));
        collection.createIndex(Indexes.ascending(EntryDocuments.TIME));
    }

    /**
     * Inserts documents in order, stopping at the first failure, so that what got written is
     * always a prefix of {@code docs}: a failed append can never leave a hole in the sequence.
     */
    void insertInOrder(List<Document> docs) {
        collection.insertMany(docs, new InsertManyOptions().ordered(true));
    }

    /**
     * {@link #insertInOrder}, acknowledged without waiting for the journal ({@code j: false}, the
     * majority kept): the documents are durable once a later {@link #awaitDurable} returns.
     */
    void insertInOrderUnjournaled(List<Document> docs) {
        unjournaled.insertMany(docs, new InsertManyOptions().ordered(true));
    }

    /**
     * Returns once every write acknowledged to this process before the call is durable. It makes a
     * journaled, majority write of its own (to a one-document collection that holds only a count):
     * a store journals and replicates writes in the order it applied them, so that write's
     * acknowledgement covers every write applied before it. On the embedded store, it waits for a
     * group commit, which captures everything applied before it.
     */
    void awaitDurable() {
        Bson trail = Filters.eq(EntryDocuments.ID, "trail");
        Bson counted = Updates.inc("barriers", 1L);
        try {
            barrier.updateOne(trail, counted, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // two first upserts at once: one inserted the document, so this one now updates it
            barrier.updateOne(trail, counted, new UpdateOptions().upsert(true));
        }
    }

    boolean exists(long seq) {
        return collection.find(Filters.eq(EntryDocuments.ID, seq))
                        .projection(Projections.include(EntryDocuments.ID))
                        .first()
                != null;
    }

    /** Position of another document that claims sequence {@code seq}, or -1. */
    long positionClaiming(long seq) {
        Document doc = collection.find(Filters.and(Filters.eq(EntryDocuments.SEQ, seq), Filters.ne(EntryDocuments.ID, seq)))
                .projection(Projections.include(EntryDocuments.ID))
                .first();
        return doc == null ? -1 : ((Number) doc.get(EntryDocuments.ID)).longValue();
    }

    /** Feeds (seq, stored leaf hash) from {@code from} upward in order to {@code sink}. */
    void leafHashesFrom(long from, BiConsumer<Long, byte[]> sink) {
        try (MongoCursor<Document> cursor = collection.find(Filters.gte(EntryDocuments.ID, from))
                .projection(Projections.include(EntryDocuments.LEAF_HASH))
                .sort(Sorts.ascending(EntryDocuments.ID))
                .batchSize(10_000)
                .cursor()) {
            while (cursor.hasNext()) {
                Document doc = cursor.next();
                sink.accept(EntryDocuments.integral(doc, EntryDocuments.ID), EntryDocuments.hash(doc, EntryDocuments.LEAF_HASH));
            }
        }
    }

    /**
     * The stored leaf hashes of entries {@code from} to {@code from + count - 1} that exist, by
     * exact ids: an index lookup even on the embedded store, where a range query scans everything.
     */
    Map<Long, byte[]> leafHashesOf(long from, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (long id = from; id < from + count; id++) {
            ids.add(id);
        }
        Map<Long, byte[]> hashes = new HashMap<>();
        for (Document doc : collection.find(Filters.in(EntryDocuments.ID, ids)).projection(Projections.include(EntryDocuments.LEAF_HASH))) {
            hashes.put(EntryDocuments.integral(doc, EntryDocuments.ID), EntryDocuments.hash(doc, EntryDocuments.LEAF_HASH));
        }
        return hashes;
    }

    /**
     * Every document in sequence order, as the stored BSON bytes, fetched a batch at a time. Whole
     * documents: a projection would hide a field someone added.
     */
    MongoCursor<RawBsonDocument> all(int batchSize) {
        return collection.withDocumentClass(RawBsonDocument.class)
                .find()
                .sort(Sorts.ascending(EntryDocuments.ID))
                .batchSize(batchSize)
                .cursor();
    }

    long estimatedCount() {
        return collection.estimatedDocumentCount();
    }

    /** One page of entries matching {@code query}. */
    List<Document> find(AuditQuery query) {
        var find = collection.find(filter(query)).sort(Sorts.ascending(EntryDocuments.ID)).limit(query.size());
        if (query.afterSeq() == null) {
            find.skip(Math.multiplyExact(query.page(), query.size()));
        }
        return find.into(new ArrayList<>());
    }

    /** Every entry matching the filters of {@code query}, in sequence order. */
    MongoCursor<Document> stream(AuditQuery query) {
        return collection.find(filter(query)).sort(Sorts.ascending(EntryDocuments.ID)).batchSize(1_000).cursor();
    }

    private static Bson filter(AuditQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.caseId() != null) {
            filters.add(Filters.eq(EntryDocuments.TARGETS, query.caseId()));
        }
        if (query.actor() != null) {
            filters.add(Filters.eq(EntryDocuments.ACTOR + ".subject", query.actor()));
        }
        if (query.agency() != null) {
            filters.add(Filters.eq(EntryDocuments.ACTOR + ".agency", query.agency()));
        }
        if (query.action() != null) {
            filters.add(Filters.eq(EntryDocuments.ACTION, query.action()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte(EntryDocuments.TIME, Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt(EntryDocuments.TIME, Date.from(query.to())));
        }
        if (query.afterSeq() != null) {
            filters.add(Filters.gt(EntryDocuments.ID, query.afterSeq()));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }
}
