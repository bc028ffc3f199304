package uk.gov.essex.mace.storage;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Named counters that hand out 1, 2, 3, ... with no value given twice and none skipped, for
 * case references and audit sequence numbers that people and auditors read in order.
 *
 * <p>Each call is one atomic {@code findAndModify} with {@code $inc}, upsert and return-new, on a
 * document per name in the {@code counters} collection; it is safe across threads and across hub
 * instances sharing one database. A value is skipped only if the increment is applied but its
 * acknowledgement fails (a write error), since the caller cannot then know the value.
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
                Document counter = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(name)),
                        new Update().inc("value", 1L),
                        FindAndModifyOptions.options().returnNew(true).upsert(true),
                        Document.class,
                        COLLECTION);
                return ((Number) counter.get("value")).longValue();
            } catch (DuplicateKeyException e) {
                // two first calls raced to create the counter and this one lost; the winner's
                // document now exists, so the retry increments it
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Removes the named sequence, for a sequence that belonged to a record now erased (its name may
     * carry that record's id). A later {@link #next} on the name starts again at 1.
     */
    public void remove(String name) {
        mongo.remove(Query.query(Criteria.where("_id").is(name)), COLLECTION);
    }
}
