package uk.gov.essex.mace.storage;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes acknowledged without waiting for the journal ({@code j: false}), for a write that a later
 * acknowledged write of the same caller always covers: stores commit changes in the order they
 * were applied, so that later write's acknowledgement makes this one durable too. The client's own
 * {@code w} is kept, so a replica set's {@code w=majority} still holds; only the journal wait goes.
 * On the embedded store such a write skips its own commit wait ({@code CommitPolicy#apply}).
 */
public final class Unjournaled {

    private Unjournaled() {
    }

    /** The collection, written with the client's write concern but {@code j: false}. */
    public static MongoCollection<Document> collection(MongoTemplate mongo, String name) {
        return mongo.getCollection(name).withWriteConcern(mongo.getDb().getWriteConcern().withJournal(false));
    }

    /** What a {@link MongoTemplate} call would have thrown for {@code e}, for callers of the driver's API. */
    public static RuntimeException translated(MongoTemplate mongo, MongoException e) {
        RuntimeException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }
}
