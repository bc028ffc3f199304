package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * The {@code retention_reviews} collection: one document per case due for erasure, {@code _id} the
 * case id. Every move between statuses is one conditional update on the expected status, so a
 * proposal, an approval, a hold and the evaluation can race without two of them winning.
 */
@Component
class RetentionReviews {

    static final String COLLECTION = "retention_reviews";

    private final MongoTemplate mongo;

    RetentionReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Review> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION)).map(RetentionReviews::read);
    }

    List<Review> all() {
        return mongo.find(new Query().with(Sort.by("dueOn", "_id")), Document.class, COLLECTION).stream()
                .map(RetentionReviews::read).toList();
    }

    List<Review> inStatus(ReviewStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())), Document.class, COLLECTION).stream()
                .map(RetentionReviews::read).toList();
    }

    /** Records a newly due case; false when it is already under review. */
    boolean insert(Review review) {
        try {
            mongo.insert(write(review), COLLECTION);
            return true;
        } catch (org.springframework.dao.DuplicateKeyException exists) {
            return false;
        }
    }

    /** Applies {@code update} when the review is in one of {@code from}; the review after, or empty. */
    Optional<Review> transition(String caseId, Collection<ReviewStatus> from, Update update) {
        Query query = Query.query(Criteria.where("_id").is(caseId).and("status").in(from.stream().map(Enum::name).toList()));
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION)).map(RetentionReviews::read);
    }

    static Update status(ReviewStatus status) {
        return new Update().set("status", status.name());
    }

    /** Keeps the running count of what an erasure has removed. */
    void erased(String caseId, Map<String, Integer> erased) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)), new Update().set("erased", new Document(erased)),
                COLLECTION);
    }

    /** Removes the review unless it is in one of {@code keep}; true when removed. */
    boolean deleteUnless(String caseId, Collection<ReviewStatus> keep) {
        return mongo.remove(Query.query(Criteria.where("_id").is(caseId).and("status")
                .nin(keep.stream().map(Enum::name).toList())), COLLECTION).getDeletedCount() > 0;
    }

    void delete(String caseId) {
        mongo.remove(Query.query(Criteria.where("_id").is(caseId)), COLLECTION);
    }

    private static Document write(Review r) {
        return new Document("_id", r.caseId()).append("quadrant", r.quadrant().name()).append("schedule", r.schedule())
                .append("closedAt", date(r.closedAt())).append("closedOn", r.closedOn().toString())
                .append("dueOn", r.dueOn().toString()).append("status", r.status().name())
                .append("evaluatedAt", date(r.evaluatedAt())).append("proposedBy", r.proposedBy())
                .append("proposedAt", date(r.proposedAt())).append("approvedBy", r.approvedBy())
                .append("approvedAt", date(r.approvedAt())).append("erased", new Document(r.erased()));
    }

    private static Review read(Document d) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Document stored = d.get("erased", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> erased.put(k, ((Number) v).intValue()));
        }
        return new Review(d.getString("_id"), Quadrant.valueOf(d.getString("quadrant")), d.getString("schedule"),
                instant(d, "closedAt"), LocalDate.parse(d.getString("closedOn")), LocalDate.parse(d.getString("dueOn")),
                ReviewStatus.valueOf(d.getString("status")), instant(d, "evaluatedAt"), d.getString("proposedBy"),
                instant(d, "proposedAt"), d.getString("approvedBy"), instant(d, "approvedAt"), erased);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
