package uk.gov.essex.mace.meetings;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.system.ConflictProblem;

/** The {@code meetings} collection: insert once per quadrant and date, then compare-and-set on {@code rev}. */
@Component
class Meetings {

    static final String COLLECTION = "meetings";
    private static final int ATTEMPTS = 20;

    private final MongoTemplate mongo;

    Meetings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new meeting; false if the quadrant already has a meeting that day. */
    boolean insert(Meeting meeting) {
        try {
            mongo.insert(MeetingDocuments.write(meeting, 1), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    Optional<Meeting> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MeetingDocuments::read);
    }

    List<Meeting> inQuadrant(Quadrant quadrant) {
        return mongo.find(Query.query(Criteria.where("quadrant").is(quadrant.name())), Document.class, COLLECTION)
                .stream().map(MeetingDocuments::read).toList();
    }

    /** Applies {@code change} to the stored meeting (retried on contention; it may throw to refuse). */
    Meeting update(String id, UnaryOperator<Meeting> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Meeting before = find(id).orElseThrow();
            Meeting after = change.apply(before);
            Document written = MeetingDocuments.write(after, before.rev() + 1);
            Update update = new Update();
            written.forEach((key, value) -> {
                if (!"_id".equals(key)) {
                    update.set(key, value);
                }
            });
            Document stored = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("rev").is(before.rev())),
                    update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (stored != null) {
                return MeetingDocuments.read(stored);
            }
        }
        throw new ConflictProblem("busy", "The meeting is being changed by others; try again.");
    }
}
