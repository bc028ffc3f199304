package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code mace_status} collection: one document per evaluated case, keyed by case id. Every
 * change is an insert (first time) or a compare-and-set on {@code rev}, both single-document and
 * atomic, so two evaluators can never both make the same transition.
 */
@Component
class CriteriaStatuses {

    static final String COLLECTION = "mace_status";

    private final MongoTemplate mongo;

    CriteriaStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CriteriaStatus> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION)).map(CriteriaStatuses::read);
    }

    /**
     * Stores {@code after} if the stored standing is still {@code before}; returns it as stored, or
     * empty if another evaluator changed it first.
     */
    Optional<CriteriaStatus> compareAndSet(CriteriaStatus before, CriteriaStatus after) {
        Document written = write(after, before.rev() + 1);
        if (before.rev() == 0) {
            try {
                mongo.insert(written, COLLECTION);
                return Optional.of(read(written));
            } catch (DuplicateKeyException raced) {
                return Optional.empty();
            }
        }
        Update update = new Update();
        written.forEach((key, value) -> {
            if (!"_id".equals(key)) {
                update.set(key, value);
            }
        });
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(before.caseId()).and("rev").is(before.rev())),
                update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION))
                .map(CriteriaStatuses::read);
    }

    /** Deletes the case's standing; returns how many documents (0 or 1). */
    long delete(String caseId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(caseId)), COLLECTION).getDeletedCount();
    }

    /** Every stored standing by case id (the full re-evaluation reads them at once). */
    Map<String, CriteriaStatus> all() {
        Map<String, CriteriaStatus> all = new HashMap<>();
        mongo.getCollection(COLLECTION).find().forEach(d -> all.put(d.getString("_id"), read(d)));
        return all;
    }

    /** Cases in the criteria now, or that have ever left them (the agenda narrows further). */
    List<CriteriaStatus> standing() {
        Query query = Query.query(new Criteria().orOperator(
                Criteria.where("inCriteria").is(true), Criteria.where("leftAt").ne(null)));
        return mongo.find(query, Document.class, COLLECTION).stream().map(CriteriaStatuses::read).toList();
    }

    private static Document write(CriteriaStatus s, long rev) {
        Document reasons = new Document();
        s.reasons().forEach((reason, state) -> reasons.append(reason.name(), new Document("active", state.active())
                .append("entries", state.entries()).append("since", date(state.since()))
                .append("leftAt", date(state.leftAt()))));
        return new Document("_id", s.caseId()).append("rev", rev).append("version", s.version())
                .append("settings", s.settings()).append("reasons", reasons).append("inCriteria", s.inCriteria())
                .append("enteredAt", date(s.enteredAt())).append("leftAt", date(s.leftAt()))
                .append("evaluatedAt", date(s.evaluatedAt()))
                .append("history", s.history().stream().map(c -> new Document("at", date(c.at()))
                        .append("entered", names(c.entered())).append("left", names(c.left()))
                        .append("inCriteria", c.inCriteria()).append("cause", c.cause())
                        .append("riskVersion", c.riskVersion())).toList());
    }

    private static CriteriaStatus read(Document d) {
        Map<AlertReason, CriteriaStatus.ReasonState> reasons = new EnumMap<>(AlertReason.class);
        Document stored = d.get("reasons", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> {
                Document r = (Document) value;
                reasons.put(AlertReason.valueOf(name), new CriteriaStatus.ReasonState(r.getBoolean("active"),
                        r.getInteger("entries"), instant(r, "since"), instant(r, "leftAt")));
            });
        }
        List<CriteriaStatus.Change> history = new ArrayList<>();
        for (Document c : d.getList("history", Document.class, List.of())) {
            history.add(new CriteriaStatus.Change(instant(c, "at"), reasons(c, "entered"), reasons(c, "left"),
                    c.getBoolean("inCriteria"), c.getString("cause"), ((Number) c.get("riskVersion")).longValue()));
        }
        return new CriteriaStatus(d.getString("_id"), ((Number) d.get("rev")).longValue(),
                ((Number) d.get("version")).longValue(), d.getString("settings"), reasons,
                instant(d, "enteredAt"), instant(d, "leftAt"), instant(d, "evaluatedAt"), history);
    }

    private static List<String> names(Set<AlertReason> reasons) {
        return reasons.stream().sorted().map(Enum::name).toList();
    }

    private static Set<AlertReason> reasons(Document d, String key) {
        Set<AlertReason> reasons = EnumSet.noneOf(AlertReason.class);
        d.getList(key, String.class, List.of()).forEach(name -> reasons.add(AlertReason.valueOf(name)));
        return reasons;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
