package uk.gov.essex.mace.identity.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.IdentityProperties;

/**
 * Which OAuth2 clients are revoked: those configured in {@code hub.identity.revoked-clients} plus
 * those revoked at run time (stored in {@code revoked_clients}, so they stay revoked across a
 * restart). Every bearer token is checked against this on every request, so the stored set is
 * read at most once per {@code hub.identity.revocation-refresh} and changes made here apply at once.
 */
@Component
class ClientRevocations {

    static final String COLLECTION = "revoked_clients";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Set<String> configured;
    private final long refreshMillis;
    private volatile Set<String> stored;
    private volatile long readAt = Long.MIN_VALUE;

    ClientRevocations(MongoTemplate mongo, Clock clock, IdentityProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.configured = Set.copyOf(properties.revokedClients());
        this.refreshMillis = properties.revocationRefresh().toMillis();
    }

    /** True when tokens of {@code clientId} must be refused. */
    boolean revoked(String clientId) {
        if (clientId == null) {
            return false;
        }
        return configured.contains(clientId) || stored().contains(clientId);
    }

    /** True when the revocation comes from configuration and cannot be lifted at run time. */
    boolean revokedByConfiguration(String clientId) {
        return configured.contains(clientId);
    }

    /** Records a revocation; false when the client was already revoked. */
    synchronized boolean revoke(String clientId, String by) {
        boolean added = !stored().contains(clientId);
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", clientId),
                new Document("_id", clientId).append("revokedAt", clock.instant().toString()).append("revokedBy", by),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        reload();
        return added;
    }

    /** Lifts a run-time revocation; false when there was none. */
    synchronized boolean reinstate(String clientId) {
        long removed = mongo.remove(Query.query(Criteria.where("_id").is(clientId)), COLLECTION).getDeletedCount();
        reload();
        return removed > 0;
    }

    /** Every revoked client id, configured or stored. */
    List<String> all() {
        Set<String> all = new HashSet<>(configured);
        all.addAll(stored());
        return all.stream().sorted().toList();
    }

    private Set<String> stored() {
        long now = clock.millis();
        if (readAt == Long.MIN_VALUE || now - readAt >= refreshMillis || now < readAt) {
            reload();
        }
        return stored;
    }

    private synchronized void reload() {
        Set<String> ids = new HashSet<>();
        for (Document doc : mongo.getCollection(COLLECTION).find()) {
            ids.add(doc.getString("_id"));
        }
        stored = Set.copyOf(ids);
        readAt = clock.millis();
    }
}
