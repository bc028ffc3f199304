package uk.gov.essex.mace.audit.internal;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A trail on its own embedded wire server, for tests outside this package (the web layer).
 * Exposes the wired services as {@link TestTrail} builds them.
 */
public final class AuditTrailFixture implements AutoCloseable {

    private final MongoServer server;
    private final TestTrail hub;

    public AuditTrailFixture() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        hub = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    public void append(int count) {
        hub.append(count);
    }

    public MongoAuditTrail trail() {
        return hub.trail;
    }

    public AuditProofs proofs() {
        return hub.proofs;
    }

    public AuditVerifier verifier() {
        return hub.verifier;
    }

    public AuditSearch search() {
        return new AuditSearch(hub.entries, hub.trail);
    }

    public long count() {
        return hub.rawEntries().countDocuments();
    }

    public String lastAction() {
        return hub.rawEntries().find().sort(new org.bson.Document("_id", -1)).first().getString("action");
    }

    @Override
    public void close() {
        hub.close();
        server.shutdownNow();
    }
}
