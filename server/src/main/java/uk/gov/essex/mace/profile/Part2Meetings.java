package uk.gov.essex.mace.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * The {@code part2_meetings} collection: one meeting per quadrant and quarter, its id
 * {@code QUADRANT:yyyy-Qn} kept unique by the store, its themes sealed.
 */
@Component
class Part2Meetings {

    static final String COLLECTION = "part2_meetings";

    /** A meeting as stored. */
    record Stored(String id, Quadrant quadrant, String quarter, LocalDate heldOn, byte[] themesSealed, String recordedBy,
            String recordedByAgency, Instant recordedAt) {}

    private final MongoTemplate mongo;

    Part2Meetings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a meeting; false when the quadrant already has one for the quarter. */
    boolean insert(Stored m) {
        try {
            mongo.insert(new Document("_id", m.id()).append("quadrant", m.quadrant().name()).append("quarter", m.quarter())
                    .append("heldOn", m.heldOn().toString()).append("themesSealed", new Binary(m.themesSealed()))
                    .append("recordedBy", m.recordedBy()).append("recordedByAgency", m.recordedByAgency())
                    .append("recordedAt", Date.from(m.recordedAt())), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    Optional<Stored> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(Part2Meetings::read);
    }

    List<Stored> inQuadrants(Collection<Quadrant> quadrants) {
        return mongo.find(Query.query(Criteria.where("quadrant").in(quadrants.stream().map(Enum::name).toList())),
                Document.class, COLLECTION).stream().map(Part2Meetings::read).toList();
    }

    private static Stored read(Document d) {
        return new Stored(d.getString("_id"), Quadrant.valueOf(d.getString("quadrant")), d.getString("quarter"),
                LocalDate.parse(d.getString("heldOn")), d.get("themesSealed", Binary.class).getData(),
                d.getString("recordedBy"), d.getString("recordedByAgency"), d.getDate("recordedAt").toInstant());
    }
}
