package uk.gov.essex.mace.audit.internal;

import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.system.RequestContext;

/**
 * Placeholder append-only store for audit entries (sequence from a counter). The Merkle-tree
 * trail of the audit issue replaces it.
 */
@Component
class MongoAuditTrail implements AuditTrail {

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoAuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public long append(AuditEvent event) {
        try {
            Document counter = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is("audit")),
                    new Update().inc("value", 1L),
                    FindAndModifyOptions.options().returnNew(true).upsert(true),
                    Document.class,
                    "counters");
            long seq = ((Number) counter.get("value")).longValue();
            Document entry = new Document("_id", seq)
                    .append("time", clock.instant().toString())
                    .append("action", event.action())
                    .append("targets", event.targets())
                    .append("outcome", event.outcome().name())
                    .append("details", new Document(event.details()))
                    .append("requestId", RequestContext.requestId())
                    .append("source", RequestContext.sourceAddress());
            if (event.actor() != null) {
                entry.append("actor", new Document("subject", event.actor().subject())
                        .append("agency", event.actor().agencyId())
                        .append("roles", event.actor().roles().stream().map(Enum::name).sorted().toList())
                        .append("clientId", event.actor().clientId()));
            }
            mongo.insert(entry, "audit_entries");
            return seq;
        } catch (RuntimeException e) {
            throw new AuditUnavailableException("audit entry could not be written", e);
        }
    }
}
