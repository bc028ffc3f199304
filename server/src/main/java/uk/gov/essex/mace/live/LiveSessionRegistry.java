package uk.gov.essex.mace.live;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * The live sessions of every instance, in the {@code live_sessions} collection, when the hub
 * relays through an external broker: the instance that has something to deliver decides, for each
 * session anywhere, whether its principal may see it and what it may see, and sends that session
 * its own projection. One document per authenticated session: its instance, its principal (the
 * policy decision point's only input), its token's expiry and its subscriptions. The document goes
 * when the session closes; a session of an instance that died is ignored once that instance stops
 * renewing its heartbeat ({@link uk.gov.essex.mace.cluster.HubInstance#alive()}) and is removed
 * when its instance starts again or by {@link #forgetInstancesOtherThan}.
 */
final class LiveSessionRegistry {

    static final String COLLECTION = "live_sessions";

    /** A session somewhere in the cluster. */
    record Remote(String sessionId, String instance, HubPrincipal principal, Instant expiresAt) {}

    private final MongoTemplate mongo;
    private final String instanceId;

    LiveSessionRegistry(MongoTemplate mongo, String instanceId) {
        this.mongo = mongo;
        this.instanceId = instanceId;
    }

    void connected(String sessionId, HubAuthentication auth) {
        HubPrincipal p = auth.getPrincipal();
        Document doc = new Document("_id", sessionId).append("instance", instanceId)
                .append("subject", p.subject()).append("agencyId", p.agencyId())
                .append("agencyType", p.agencyType() == null ? null : p.agencyType().name())
                .append("roles", p.roles().stream().map(Enum::name).sorted().toList())
                .append("quadrants", p.quadrants().stream().map(Enum::name).sorted().toList())
                .append("clientId", p.clientId()).append("issuer", p.issuer())
                .append("expiresAt", Date.from(auth.expiresAt())).append("connectedAt", new Date())
                .append("subs", List.of());
        mongo.save(doc, COLLECTION);
    }

    void subscribed(String sessionId, String subscriptionId, String destination) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)),
                new Update().push("subs", new Document("i", subscriptionId).append("d", destination)), COLLECTION);
    }

    void unsubscribed(String sessionId, String subscriptionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)),
                new Update().pull("subs", new Document("i", subscriptionId)), COLLECTION);
    }

    /** Pulls every recorded subscription whose destination names {@code caseId}; returns how many sessions had one. */
    int forgetCase(String caseId) {
        int sessions = 0;
        for (Document doc : mongo.find(Query.query(Criteria.where("subs.d").regex(java.util.regex.Pattern.quote(caseId))),
                Document.class, COLLECTION)) {
            boolean had = false;
            for (Document sub : doc.getList("subs", Document.class, List.of())) {
                if (String.valueOf(sub.getString("d")).contains(caseId)) {
                    unsubscribed(doc.getString("_id"), sub.getString("i"));
                    had = true;
                }
            }
            sessions += had ? 1 : 0;
        }
        return sessions;
    }

    void closed(String sessionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(sessionId)), COLLECTION);
    }

    /**
     * Removes the sessions of instances not in {@code alive}, but none younger than a minute (an
     * instance that has just started may register a session before its first heartbeat lands).
     */
    void forgetInstancesOtherThan(Collection<String> alive, Instant now) {
        mongo.remove(Query.query(Criteria.where("instance").nin(alive)
                .and("connectedAt").lt(Date.from(now.minusSeconds(60)))), COLLECTION);
    }

    /** Unexpired sessions of live instances subscribed to {@code destination}. */
    List<Remote> subscribedTo(String destination, Instant now, Set<String> aliveInstances) {
        Query query = Query.query(Criteria.where("subs.d").is(destination).and("expiresAt").gt(Date.from(now))
                .and("instance").in(aliveInstances));
        return mongo.find(query, Document.class, COLLECTION).stream().map(LiveSessionRegistry::read).toList();
    }

    private static Remote read(Document d) {
        String type = d.getString("agencyType");
        HubPrincipal principal = new HubPrincipal(d.getString("subject"), d.getString("agencyId"),
                type == null ? null : AgencyType.valueOf(type),
                enums(d.getList("roles", String.class), Role.class),
                enums(d.getList("quadrants", String.class), Quadrant.class),
                d.getString("clientId"), d.getString("issuer"));
        return new Remote(d.getString("_id"), d.getString("instance"), principal, d.getDate("expiresAt").toInstant());
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
        if (names == null || names.isEmpty()) {
            return EnumSet.noneOf(type);
        }
        return names.stream().map(n -> Enum.valueOf(type, n)).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
