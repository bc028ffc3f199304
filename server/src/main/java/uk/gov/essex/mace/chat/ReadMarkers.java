package uk.gov.essex.mace.chat;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code chat_read_markers} collection: per person and case, the highest item {@code seq} they
 * have read. Only ever raised ({@code $max}), in one single-document upsert, so two tabs racing
 * cannot move it back.
 */
@Component
class ReadMarkers implements ReadMarkerErasure {

    /** One person's marker on one case. */
    @Document("chat_read_markers")
    record Marker(@Id String id, String subject, String caseId, long seq, Instant at) {}

    private final MongoTemplate mongo;

    ReadMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long read(String subject, String caseId) {
        return Optional.ofNullable(mongo.findById(id(subject, caseId), Marker.class)).map(Marker::seq).orElse(0L);
    }

    void raise(String subject, String caseId, long seq, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id(subject, caseId))),
                new Update().setOnInsert("subject", subject).setOnInsert("caseId", caseId).max("seq", seq).set("at", at),
                Marker.class);
    }

    @Override
    public int eraseCase(String caseId) {
        return (int) mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), Marker.class).getDeletedCount();
    }

    private static String id(String subject, String caseId) {
        return subject + "|" + caseId;
    }
}
