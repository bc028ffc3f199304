package uk.gov.essex.mace.audit.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code audit_tree_heads} collection: one signed head per tree size ({@code _id}). */
@Component
public class TreeHeads {

    static final String COLLECTION = "audit_tree_heads";

    private final MongoCollection<Document> collection;

    public TreeHeads(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    }

    /** Stores {@code head}; false when a head of that size exists already (another process signed it). */
    boolean insert(SignedTreeHead head) {
        try {
            collection.insertOne(new Document("_id", head.treeSize())
                    .append("rootHash", new Binary(head.rootHash()))
                    .append("timestamp", Date.from(head.timestamp()))
                    .append("keyId", head.keyId())
                    .append("signature", new Binary(head.signature())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<SignedTreeHead> latest() {
        return Optional.ofNullable(collection.find().sort(Sorts.descending("_id")).first()).map(TreeHeads::fromDocument);
    }

    Optional<SignedTreeHead> ofSize(long treeSize) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", treeSize)).first()).map(TreeHeads::fromDocument);
    }

    /** Heads in ascending size after {@code afterSize}, at most {@code limit}. */
    List<SignedTreeHead> list(long afterSize, int limit) {
        List<SignedTreeHead> heads = new ArrayList<>();
        for (Document doc : collection.find(Filters.gt("_id", afterSize)).sort(Sorts.ascending("_id")).limit(limit)) {
            heads.add(fromDocument(doc));
        }
        return heads;
    }

    /** All heads in ascending size, as raw documents (the verifier judges malformed ones). */
    MongoCursor<Document> all() {
        return collection.find().sort(Sorts.ascending("_id")).batchSize(1_000).cursor();
    }

    /** Reads a head; throws {@link EntryDocuments.MalformedEntry} for anything the hub did not write. */
    static SignedTreeHead fromDocument(Document doc) {
        try {
            return new SignedTreeHead(
                    EntryDocuments.integral(doc, "_id"),
                    EntryDocuments.hash(doc, "rootHash"),
                    doc.get("timestamp", Date.class).toInstant(),
                    doc.get("keyId", String.class),
                    doc.get("signature", Binary.class).getData());
        } catch (RuntimeException e) {
            throw new EntryDocuments.MalformedEntry("malformed tree head: " + e.getMessage());
        }
    }
}
