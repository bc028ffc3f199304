package uk.gov.essex.mace.intel;

import com.mongodb.MongoException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.storage.Unjournaled;

/** The {@code intel_items} collection. Edits and withdrawals are single-document conditional updates. */
@Component
class IntelItems {

    private final MongoTemplate mongo;

    IntelItems(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(StoredIntel.class).createIndex(new Index().on("caseId", Sort.Direction.ASC).on("seq", Sort.Direction.DESC));
    }

    /**
     * Stores a new item with {@code j: false} (the client's own {@code w} kept, so a replica set's
     * {@code w=majority} still holds): the share's audit entry, inserted just before, and the item
     * are made durable by one wait after both ({@code AuditTrail.appendBefore}), so the share is
     * answered only once both are durable. A crash before then can lose the item, or keep the
     * entry without the item, never the item without its entry.
     */
    void insert(StoredIntel item) {
        Document document = new Document();
        mongo.getConverter().write(item, document);
        try {
            Unjournaled.collection(mongo, mongo.getCollectionName(StoredIntel.class)).insertOne(document);
        } catch (MongoException e) {
            throw Unjournaled.translated(mongo, e);
        }
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), StoredIntel.class);
    }

    /**
     * The item {@code id} if it belongs to {@code caseId}. Looked up by id alone and the case
     * compared here: the embedded store uses its {@code _id} index only for a query on exactly
     * {@code _id}, and scanned every item of every case for {@code {_id, caseId}} (on the live
     * feed, once per share).
     */
    Optional<StoredIntel> find(String caseId, String id) {
        return Optional.ofNullable(mongo.findById(id, StoredIntel.class)).filter(item -> item.caseId().equals(caseId));
    }

    /** Items of a case with {@code seq < before}, newest first. */
    List<StoredIntel> page(String caseId, long before, int limit) {
        Query query = Query.query(Criteria.where("caseId").is(caseId).and("seq").lt(before))
                .with(Sort.by(Sort.Direction.DESC, "seq"))
                .limit(limit);
        return mongo.find(query, StoredIntel.class);
    }

    /** Items of a case with {@code seq > after}, oldest first. */
    List<StoredIntel> after(String caseId, long after, int limit) {
        Query query = Query.query(Criteria.where("caseId").is(caseId).and("seq").gt(after))
                .with(Sort.by(Sort.Direction.ASC, "seq"))
                .limit(limit);
        return mongo.find(query, StoredIntel.class);
    }

    /** Appends a revision if the item is still active at {@code expected}; empty otherwise. */
    Optional<StoredIntel> addRevision(String id, int expected, StoredIntel.Revision revision) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("currentRevision").is(expected)
                        .and("status").is(StoredIntel.Status.ACTIVE)),
                new Update().push("revisions", revision).set("currentRevision", revision.revision()),
                FindAndModifyOptions.options().returnNew(true),
                StoredIntel.class));
    }

    /** Withdraws an active item; empty when it was already withdrawn. */
    Optional<StoredIntel> withdraw(String id, StoredIntel.Withdrawal withdrawal) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(StoredIntel.Status.ACTIVE)),
                new Update().set("status", StoredIntel.Status.WITHDRAWN).set("withdrawal", withdrawal),
                FindAndModifyOptions.options().returnNew(true),
                StoredIntel.class));
    }

    /** Every item of a case, oldest first. */
    List<StoredIntel> ofCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by(Sort.Direction.ASC, "seq")),
                StoredIntel.class);
    }

    /** Deletes every item of a case; returns how many. */
    long deleteCase(String caseId) {
        return mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), StoredIntel.class).getDeletedCount();
    }

    /** An item's routing fields and its current revision's sealed location. */
    record LocatedItem(String id, String caseId, String label, Instant observedAt, int revision, byte[] locationSealed) {}

    /**
     * Streams the active items of {@code caseIds} observed in {@code [from, to)} whose current
     * revision has a location, reading only the fields aggregation needs (not the sealed text).
     */
    void locations(Collection<String> caseIds, Instant from, Instant to, Consumer<LocatedItem> consumer) {
        // The embedded store evaluates a long $in slowly (ProfileBench: 600 ids over 25,000 items cost more
        // than the scan itself), so the cases are matched here.
        Set<String> cases = Set.copyOf(caseIds);
        Document filter = new Document("status", StoredIntel.Status.ACTIVE.name())
                .append("observedAt", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)));
        Document fields = new Document("caseId", 1).append("label", 1).append("observedAt", 1)
                .append("currentRevision", 1).append("revisions.revision", 1).append("revisions.locationSealed", 1);
        mongo.getCollection(mongo.getCollectionName(StoredIntel.class)).find(filter).projection(fields).forEach(d -> {
            if (!cases.contains(d.getString("caseId"))) {
                return;
            }
            int current = d.getInteger("currentRevision");
            for (Document revision : d.getList("revisions", Document.class)) {
                if (revision.getInteger("revision") == current && revision.get("locationSealed") instanceof Binary sealed) {
                    consumer.accept(new LocatedItem(d.getString("_id"), d.getString("caseId"), d.getString("label"),
                            d.getDate("observedAt").toInstant(), current, sealed.getData()));
                }
            }
        });
    }

    /**
     * Undoes {@code applied}, this hub's edit or withdrawal whose audit entry could not be made
     * durable: takes back only that change (the revision it added, or the withdrawal), and only
     * while the item is still as the change left it (same revision and status). A change made on
     * top of it since, or between the item's read and the change, is never overwritten, so no one
     * else's stored words are lost to the undo. Returns whether it was undone.
     */
    boolean undo(StoredIntel applied) {
        Query asApplied = Query.query(Criteria.where("_id").is(applied.id())
                .and("currentRevision").is(applied.currentRevision()).and("status").is(applied.status()));
        Update update = applied.status() == StoredIntel.Status.WITHDRAWN
                ? new Update().set("status", StoredIntel.Status.ACTIVE).unset("withdrawal")
                : new Update().pull("revisions", new Document("revision", applied.currentRevision()))
                        .set("currentRevision", applied.currentRevision() - 1);
        return mongo.updateFirst(asApplied, update, StoredIntel.class).getMatchedCount() > 0;
    }
}
