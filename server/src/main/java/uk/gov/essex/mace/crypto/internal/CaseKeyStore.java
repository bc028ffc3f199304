package uk.gov.essex.mace.crypto.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code case_keys} collection: one document per case, {@code _id} the case id, holding the
 * case's data key wrapped under a KEK version ({@code kekVersion}, {@code wrappedKey},
 * {@code createdAt}, {@code rewrappedAt}), or, once the case is erased, only {@code destroyedAt}.
 *
 * <p>Writes wait for a majority of a replica set: losing a freshly written wrapped key in a fail-over
 * would lose every field sealed under it.
 */
@Component
public final class CaseKeyStore {

    static final String COLLECTION = "case_keys";

    private final MongoCollection<Document> collection;

    public CaseKeyStore(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    }

    /**
     * One {@code case_keys} document.
     *
     * @param kekVersion null once destroyed
     * @param wrappedKey null once destroyed
     */
    record CaseKeyDocument(String caseId, Integer kekVersion, byte[] wrappedKey, Instant destroyedAt) {

        boolean destroyed() {
            return wrappedKey == null;
        }
    }

    Optional<CaseKeyDocument> find(String caseId) {
        return Optional.ofNullable(collection.find(eq("_id", caseId)).first()).map(CaseKeyStore::toRecord);
    }

    /** Inserts a new wrapped key; false when the case already has a document (another creator won). */
    boolean insert(String caseId, int kekVersion, byte[] wrappedKey, Instant now) {
        try {
            collection.insertOne(new Document("_id", caseId)
                    .append("kekVersion", kekVersion)
                    .append("wrappedKey", new Binary(wrappedKey))
                    .append("createdAt", Date.from(now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces whatever the case has with a tombstone holding no key material. */
    void tombstone(String caseId, Instant now) {
        collection.replaceOne(eq("_id", caseId),
                new Document("_id", caseId).append("destroyedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Swaps the wrapped key for one under {@code toVersion}, only if the document is still wrapped
     * under {@code fromVersion}: a case destroyed meanwhile must stay destroyed.
     */
    boolean rewrap(String caseId, int fromVersion, int toVersion, byte[] wrappedKey, Instant now) {
        return collection.updateOne(
                        and(eq("_id", caseId), eq("kekVersion", fromVersion), exists("wrappedKey")),
                        Updates.combine(
                                Updates.set("kekVersion", toVersion),
                                Updates.set("wrappedKey", new Binary(wrappedKey)),
                                Updates.set("rewrappedAt", Date.from(now))))
                .getModifiedCount() == 1;
    }

    /** Up to {@code limit} live keys wrapped under a version below {@code version}, by case id after {@code afterCaseId}. */
    List<CaseKeyDocument> wrappedBelow(int version, String afterCaseId, int limit) {
        Bson filter = and(lt("kekVersion", version), exists("wrappedKey"));
        if (afterCaseId != null) {
            filter = and(filter, gt("_id", afterCaseId));
        }
        List<CaseKeyDocument> page = new ArrayList<>(limit);
        collection.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(doc -> page.add(toRecord(doc)));
        return page;
    }

    /** The KEK versions live data keys are wrapped under. */
    List<Integer> kekVersionsInUse() {
        return collection.distinct("kekVersion", exists("wrappedKey"), Integer.class).into(new ArrayList<>());
    }

    /** Up to {@code limit} live keys wrapped under {@code version}. */
    List<CaseKeyDocument> sampleWrappedUnder(int version, int limit) {
        List<CaseKeyDocument> sample = new ArrayList<>(limit);
        collection.find(and(eq("kekVersion", version), exists("wrappedKey"))).limit(limit).forEach(doc -> sample.add(toRecord(doc)));
        return sample;
    }

    long countWrappedUnder(int version) {
        return collection.countDocuments(and(eq("kekVersion", version), exists("wrappedKey")));
    }

    private static CaseKeyDocument toRecord(Document doc) {
        Binary wrapped = doc.get("wrappedKey", Binary.class);
        Date destroyedAt = doc.getDate("destroyedAt");
        return new CaseKeyDocument(
                doc.getString("_id"),
                doc.getInteger("kekVersion"),
                wrapped == null ? null : wrapped.getData(),
                destroyedAt == null ? null : destroyedAt.toInstant());
    }
}
