package uk.gov.essex.mace.cluster;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.security.SecureRandom;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This hub process, and which instances are alive: each instance stamps its document in the
 * {@code instances} collection on every lease tick, and one not heard from within the lease
 * duration counts as gone (its live sessions are then ignored).
 */
@Component
public class HubInstance {

    static final String COLLECTION = "instances";

    private final String id;
    private final MongoTemplate mongo;
    private final Duration silenceLimit;

    HubInstance(ClusterProperties properties, MongoTemplate mongo) {
        this.id = properties.instanceId().isBlank() ? generatedId() : properties.instanceId();
        this.mongo = mongo;
        this.silenceLimit = properties.leaseDuration();
    }

    /** This process's id, unique among running instances. */
    public String id() {
        return id;
    }

    /** The instances heard from within the lease duration, this one included. */
    public Set<String> alive() {
        Set<String> alive = new HashSet<>();
        alive.add(id);
        Date since = Date.from(Instant.now().minus(silenceLimit));
        mongo.getCollection(COLLECTION).find(new Document("seenAt", new Document("$gte", since)))
                .projection(new Document("_id", 1)).forEach(d -> alive.add(d.getString("_id")));
        return alive;
    }

    void heartbeat(Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("seenAt", Date.from(now)), COLLECTION);
    }

    void leaving() {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}
