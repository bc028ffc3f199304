package uk.gov.essex.mace.audit.internal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.crypto.HubKeys;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * One hub process's view of the audit trail, wired by hand over its own {@link MongoClient}, as
 * Spring wires it in the hub.
 */
final class TestTrail implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00.123Z"), ZoneOffset.UTC);
    static final HubPrincipal ALICE = new HubPrincipal(
            "alice", "essex-police", AgencyType.POLICE, Set.of(Role.POLICE_INTELLIGENCE), Set.of(Quadrant.MID),
            "hub-web", "https://hub.example");

    final MongoClient client;
    final MongoTemplate mongo;
    final AuditEntries entries;
    final TreeHeads heads;
    final MongoAuditTrail trail;
    final AuditProofs proofs;
    final AuditVerifier verifier;

    TestTrail(String connectionString) {
        this(connectionString, new TestKeys());
    }

    TestTrail(String connectionString, HubKeys keys) {
        this.client = MongoClients.create(connectionString);
        this.mongo = new MongoTemplate(client, "test");
        this.entries = new AuditEntries(mongo);
        this.heads = new TreeHeads(mongo);
        EntrySeal seal = new EntrySeal(keys);
        TreeHeadSigner signer = new TreeHeadSigner(keys);
        this.trail = new MongoAuditTrail(entries, new TrailEnd(entries, heads), seal, CLOCK);
        this.proofs = new AuditProofs(entries, heads, signer, CLOCK);
        this.verifier = new AuditVerifier(entries, heads, signer, seal, CLOCK, trail);
    }

    static AuditEvent caseRead(int n) {
        return AuditEvent.of(ALICE, "case.read", AuditEvent.Outcome.SUCCESS, "case-" + n, "item-" + n)
                .with("projection", "police");
    }

    void append(int count) {
        for (int i = 0; i < count; i++) {
            trail.append(caseRead(i));
        }
    }

    MongoCollection<Document> rawEntries() {
        return mongo.getCollection(AuditEntries.COLLECTION);
    }

    MongoCollection<Document> rawHeads() {
        return mongo.getCollection(TreeHeads.COLLECTION);
    }

    @Override
    public void close() {
        client.close();
    }
}
