package uk.gov.essex.mace.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Named counters that hand out 1, 2, 3, ... with no value given twice and none skipped, for
 * case references and audit sequence numbers that people and auditors read in order.
 *
 * <p>Each call is one atomic {@code findAndModify} with {@code $inc}, upsert and return-new, on a
 * document per name in the {@code counters} collection; it is safe across threads and across hub
 * instances sharing one database. A value is skipped only if the increment is applied but its
 * acknowledgement fails (a write error), since the caller cannot then know the value. A value can
 * be handed out again only after a crash that lost every record carrying it (see {@link #counters}).
 */
@Component
public class Sequences {

    static final String COLLECTION = "counters";
    private static final int CREATE_ATTEMPTS = 3;

    private final MongoTemplate mongo;

    public Sequences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The next value of the named sequence, starting at 1.
     *
     * @throws IllegalArgumentException if the name is null or blank
     */
    public long next(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sequence needs a name");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Document counter = counters().findOneAndUpdate(Filters.eq("_id", name), Updates.inc("value", 1L),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).upsert(true));
                return ((Number) counter.get("value")).longValue();
            } catch (MongoException e) {
                // a findAndModify's duplicate key arrives as a command error, not a write error
                // (two first calls raced to create the counter and this one lost; the winner's
                // document now exists, so the retry increments it)
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY || attempt == CREATE_ATTEMPTS) {
                    throw Unjournaled.translated(mongo, e);
                }
            }
        }
    }

    /**
     * The counters, written with {@code j: false}: a value is only ever used in a write that follows
     * (the record carrying it), and that write's acknowledgement makes the increment durable too,
     * since stores commit changes in the order they were applied. An increment lost in a crash
     * before any such write loses a value nobody used, so it can be handed out again; waiting for
     * its own commit would only add one to every share and case opened.
     */
    private MongoCollection<Document> counters() {
        return Unjournaled.collection(mongo, COLLECTION);
    }

    /**
     * Removes the named sequence, for a sequence that belonged to a record now erased (its name may
     * carry that record's id). A later {@link #next} on the name starts again at 1.
     */
    public void remove(String name) {
        // durable: an erasure is not covered by a later write of the caller's
        mongo.remove(Query.query(Criteria.where("_id").is(name)), COLLECTION);
    }
}
