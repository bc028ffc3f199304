package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;

/**
 * The {@code disruption_month_reviews} collection: one document per quadrant-month of disruption
 * updates due for erasure, {@code _id} its key scope. Like {@link RetentionReviews}, every move
 * between statuses is one conditional update on the expected status.
 */
@Component
class MonthReviews {

    static final String COLLECTION = "disruption_month_reviews";

    private final MongoTemplate mongo;

    MonthReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<MonthReview> find(MonthScope scope) {
        return Optional.ofNullable(mongo.findById(scope.keyScope(), Document.class, COLLECTION)).map(MonthReviews::read);
    }

    List<MonthReview> all() {
        return mongo.find(new Query().with(Sort.by("dueOn", "_id")), Document.class, COLLECTION).stream()
                .map(MonthReviews::read).toList();
    }

    List<MonthReview> inStatus(ReviewStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())), Document.class, COLLECTION).stream()
                .map(MonthReviews::read).toList();
    }

    /** Records a newly due month; false when it is already under review. */
    boolean insert(MonthReview review) {
        try {
            mongo.insert(write(review), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** Applies {@code update} when the review is in one of {@code from}; the review after, or empty. */
    Optional<MonthReview> transition(MonthScope scope, Collection<ReviewStatus> from, Update update) {
        Query query = Query.query(Criteria.where("_id").is(scope.keyScope())
                .and("status").in(from.stream().map(Enum::name).toList()));
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION)).map(MonthReviews::read);
    }

    /** The month's count of updates as the evaluation found it, unless it is being erased. */
    void counted(MonthScope scope, int updates) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(scope.keyScope()).and("status").ne(ReviewStatus.ERASING.name())),
                new Update().set("updates", updates), COLLECTION);
    }

    /** Keeps the running count of what an erasure has removed. */
    void erased(MonthScope scope, int erased) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(scope.keyScope())), new Update().set("erased", erased),
                COLLECTION);
    }

    /** Removes the review unless it is in one of {@code keep}. */
    void deleteUnless(MonthScope scope, Collection<ReviewStatus> keep) {
        mongo.remove(Query.query(Criteria.where("_id").is(scope.keyScope()).and("status")
                .nin(keep.stream().map(Enum::name).toList())), COLLECTION);
    }

    void delete(MonthScope scope) {
        mongo.remove(Query.query(Criteria.where("_id").is(scope.keyScope())), COLLECTION);
    }

    private static Document write(MonthReview r) {
        return new Document("_id", r.keyScope()).append("quadrant", r.scope().quadrant().name())
                .append("month", r.scope().month().toString()).append("schedule", r.schedule())
                .append("dueOn", r.dueOn().toString()).append("updates", r.updates()).append("status", r.status().name())
                .append("evaluatedAt", RetentionReviews.date(r.evaluatedAt())).append("proposedBy", r.proposedBy())
                .append("proposedAt", RetentionReviews.date(r.proposedAt())).append("approvedBy", r.approvedBy())
                .append("approvedAt", RetentionReviews.date(r.approvedAt())).append("erased", r.erased());
    }

    private static MonthReview read(Document d) {
        MonthScope scope = MonthScope.parse(d.getString("_id"))
                .orElseThrow(() -> new IllegalStateException("malformed month review " + d.getString("_id")));
        return new MonthReview(scope, d.getString("schedule"), LocalDate.parse(d.getString("dueOn")),
                number(d, "updates"), ReviewStatus.valueOf(d.getString("status")), instant(d, "evaluatedAt"),
                d.getString("proposedBy"), instant(d, "proposedAt"), d.getString("approvedBy"), instant(d, "approvedAt"),
                number(d, "erased"));
    }

    private static int number(Document d, String key) {
        return d.get(key) instanceof Number n ? n.intValue() : 0;
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
