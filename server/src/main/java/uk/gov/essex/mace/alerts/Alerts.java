package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * The {@code alerts} collection. Raising is insert-if-absent on the alert's deterministic id;
 * every status change is a single conditional update on the expected status, so a change can
 * happen once however many callers race.
 */
@Component
class Alerts {

    static final String COLLECTION = "alerts";

    private final MongoTemplate mongo;

    Alerts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new alert; false if an alert with its id already exists (raised before). */
    boolean insertIfAbsent(Alert alert) {
        try {
            mongo.insert(write(alert), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    Optional<Alert> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(Alerts::read);
    }

    /** Applies {@code update} if the alert is in one of {@code from}; the alert after, or empty. */
    Optional<Alert> transition(String id, Collection<AlertStatus> from, Update update) {
        Query query = Query.query(Criteria.where("_id").is(id).and("status").in(from.stream().map(Enum::name).toList()));
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION)).map(Alerts::read);
    }

    /** Marks the alert escalated, once: empty if it was acknowledged or escalated meanwhile. */
    Optional<Alert> markEscalated(String id, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("status").is(AlertStatus.OPEN.name())
                .and("escalatedAt").is(null));
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("escalatedAt", Date.from(now)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)).map(Alerts::read);
    }

    /** OPEN MACE alerts raised before {@code cutoff} and not yet escalated. */
    List<Alert> dueForEscalation(Instant cutoff) {
        Query query = Query.query(Criteria.where("status").is(AlertStatus.OPEN.name()).and("escalatedAt").is(null)
                .and("raisedAt").lt(Date.from(cutoff)).and("reason").ne(AlertReason.REVIEW_PROMPT.name()));
        return mongo.find(query, Document.class, COLLECTION).stream().map(Alerts::read).toList();
    }

    /** Alerts in {@code statuses}, newest first. */
    List<Alert> list(Collection<AlertStatus> statuses, int limit) {
        Query query = Query.query(Criteria.where("status").in(statuses.stream().map(Enum::name).toList()))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id")))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(Alerts::read).toList();
    }

    /** True when an alert for one of {@code reasons} was ever raised for the case (whatever its status now). */
    boolean anyFor(String caseId, Collection<AlertReason> reasons) {
        return mongo.exists(Query.query(Criteria.where("caseId").is(caseId)
                .and("reason").in(reasons.stream().map(Enum::name).toList())), COLLECTION);
    }

    /** Every alert of the case, whatever its status, oldest raised first. */
    List<Alert> forCase(String caseId) {
        Query query = Query.query(Criteria.where("caseId").is(caseId))
                .with(Sort.by(Sort.Direction.ASC, "raisedAt").and(Sort.by("_id")));
        return mongo.find(query, Document.class, COLLECTION).stream().map(Alerts::read).toList();
    }

    /** Deletes every alert of the case; returns how many. */
    long deleteCase(String caseId) {
        return mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), COLLECTION).getDeletedCount();
    }

    Set<String> allIds() {
        Set<String> ids = new HashSet<>();
        mongo.getCollection(COLLECTION).find().projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static Document write(Alert a) {
        return new Document("_id", a.id()).append("caseId", a.caseId()).append("reason", a.reason().name())
                .append("entry", a.entry()).append("quadrant", a.quadrant().name()).append("status", a.status().name())
                .append("raisedAt", date(a.raisedAt())).append("trigger", a.trigger())
                .append("acknowledgedAt", date(a.acknowledgedAt())).append("acknowledgedBy", a.acknowledgedBy())
                .append("escalatedAt", date(a.escalatedAt())).append("onAgendaAt", date(a.onAgendaAt()))
                .append("meetingId", a.meetingId()).append("criteriaLeftAt", date(a.criteriaLeftAt()))
                .append("closedAt", date(a.closedAt())).append("closedBy", a.closedBy());
    }

    private static Alert read(Document d) {
        return new Alert(d.getString("_id"), d.getString("caseId"), AlertReason.valueOf(d.getString("reason")),
                d.getInteger("entry"), Quadrant.valueOf(d.getString("quadrant")),
                AlertStatus.valueOf(d.getString("status")), instant(d, "raisedAt"), d.getString("trigger"),
                instant(d, "acknowledgedAt"), d.getString("acknowledgedBy"), instant(d, "escalatedAt"),
                instant(d, "onAgendaAt"), d.getString("meetingId"), instant(d, "criteriaLeftAt"),
                instant(d, "closedAt"), d.getString("closedBy"));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
