package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code legal_holds} collection: one document per case that has ever been held, {@code _id} the
 * case id. Placing is an upsert that only matches a case not held now, so two placements cannot both
 * win; lifting is a conditional update on {@code active}.
 */
@Component
class LegalHolds {

    static final String COLLECTION = "legal_holds";

    private final MongoTemplate mongo;

    LegalHolds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<LegalHold> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, COLLECTION)).map(LegalHolds::read);
    }

    boolean isActive(String caseId) {
        return find(caseId).map(LegalHold::active).orElse(false);
    }

    /**
     * Places the hold over {@code replacing} (the case's earlier, lifted hold record, or none);
     * empty when the case is held, or its hold record changed since it was read.
     */
    Optional<LegalHold> place(LegalHold hold, Optional<LegalHold> replacing) {
        Document written = write(hold);
        Update update = new Update();
        written.forEach((key, value) -> {
            if (!"_id".equals(key)) {
                update.set(key, value);
            }
        });
        try {
            return Optional.ofNullable(mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(hold.caseId()).and("active").ne(true)
                            .and("holdId").is(replacing.map(LegalHold::holdId).orElse(null))), update,
                    FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, COLLECTION))
                    .map(LegalHolds::read);
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
    }

    /** Lifts the active hold {@code holdId}; empty when the case is not held under it. */
    Optional<LegalHold> lift(String caseId, String holdId, byte[] reasonSealed, String by, String byAgency, Instant at) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(caseId).and("holdId").is(holdId).and("active").is(true)),
                new Update().set("active", false).set("liftReasonSealed", new Binary(reasonSealed)).set("liftedBy", by)
                        .set("liftedByAgency", byAgency).set("liftedAt", date(at)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)).map(LegalHolds::read);
    }

    /**
     * Undoes {@code lifted}, a lift that may not stand: the hold is active again, its lift
     * forgotten, but only while the record is still that lifted hold (a hold placed since stands).
     * Returns whether it was undone.
     */
    boolean unlift(String caseId, LegalHold lifted) {
        return mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId).and("holdId").is(lifted.holdId()).and("active").is(false)),
                new Update().set("active", true).unset("liftReasonSealed").unset("liftedBy").unset("liftedByAgency")
                        .unset("liftedAt"), COLLECTION).getMatchedCount() > 0;
    }

    /**
     * Puts back exactly what was stored before (none: removes it), undoing {@code applied}, a
     * placement that may not stand, but only while the record is still as that placement left it
     * (same hold, still active): a hold lifted since stands. Returns whether it was put back.
     */
    boolean restore(String caseId, Optional<LegalHold> before, LegalHold applied) {
        Query asApplied = Query.query(Criteria.where("_id").is(caseId).and("holdId").is(applied.holdId())
                .and("active").is(applied.active()));
        if (before.isEmpty()) {
            return mongo.remove(asApplied, COLLECTION).getDeletedCount() > 0;
        }
        return mongo.findAndReplace(asApplied, write(before.get()), COLLECTION) != null;
    }

    /** Removes the case's hold record (the case is being erased); returns how many. */
    int deleteCase(String caseId) {
        return (int) mongo.remove(Query.query(Criteria.where("_id").is(caseId)), COLLECTION).getDeletedCount();
    }

    private static Document write(LegalHold h) {
        return new Document("_id", h.caseId()).append("holdId", h.holdId()).append("active", h.active())
                .append("reasonSealed", binary(h.reasonSealed())).append("placedBy", h.placedBy())
                .append("placedByAgency", h.placedByAgency()).append("placedAt", date(h.placedAt()))
                .append("liftReasonSealed", binary(h.liftReasonSealed())).append("liftedBy", h.liftedBy())
                .append("liftedByAgency", h.liftedByAgency()).append("liftedAt", date(h.liftedAt()));
    }

    private static LegalHold read(Document d) {
        return new LegalHold(d.getString("_id"), d.getString("holdId"), Boolean.TRUE.equals(d.getBoolean("active")),
                bytes(d, "reasonSealed"), d.getString("placedBy"), d.getString("placedByAgency"), instant(d, "placedAt"),
                bytes(d, "liftReasonSealed"), d.getString("liftedBy"), d.getString("liftedByAgency"), instant(d, "liftedAt"));
    }

    private static Binary binary(byte[] bytes) {
        return bytes == null ? null : new Binary(bytes);
    }

    private static byte[] bytes(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Binary b ? b.getData() : (byte[]) value;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
