package uk.gov.essex.mace.audit.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.audit.AuditTreeHeadRefused;
import uk.gov.essex.mace.audit.internal.TamperFinding.Kind;

/**
 * Someone with write access to the database changes raw documents; verification must name the
 * first bad sequence number and what was done. The trail has 100 entries under signed heads of
 * sizes 20, 50 and 100.
 */
class AuditTamperTests {

    private MongoServer server;
    private TestTrail hub;

    @BeforeEach
    void trailOfHundredEntriesUnderThreeHeads() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        hub = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        hub.append(20);
        hub.proofs.signTreeHead();
        hub.append(30);
        hub.proofs.signTreeHead();
        hub.append(50);
        hub.proofs.signTreeHead();
    }

    @AfterEach
    void stop() {
        hub.close();
        server.shutdownNow();
    }

    @Test
    void verifyWhenUntouchedThenIntact() {
        VerificationReport report = hub.verifier.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstFinding()).isNull();
        assertThat(report.entriesChecked()).isEqualTo(100);
        assertThat(report.treeHeadsChecked()).isEqualTo(3);
        assertThat(report.verifiedTreeSize()).isEqualTo(100);
    }

    @Test
    void verifyWhenEntryEditedThenNamesIt() {
        hub.rawEntries().updateOne(eq("_id", 37L), set("action", "case.close"));

        assertFinding(Kind.EDITED, 37, null);
    }

    @Test
    void verifyWhenFieldAddedThenNamesItAsEdited() {
        hub.rawEntries().updateOne(eq("_id", 61L), set("note", "looked at by the chair"));

        assertFinding(Kind.EDITED, 61, null);
    }

    @Test
    void verifyWhenEntryEditedAndRehashedThenSealNamesIt() {
        rewrite(37, "case.close", false);

        assertFinding(Kind.EDITED, 37, null);
    }

    @Test
    void verifyWhenRewrittenWithStolenSealKeyThenSignedHeadCatchesIt() {
        rewrite(37, "case.close", true);

        assertFinding(Kind.TREE_HEAD_ROOT_MISMATCH, 20, 50L);
    }

    @Test
    void verifyWhenEntryDeletedThenNamesIt() {
        hub.rawEntries().deleteOne(eq("_id", 37L));

        assertFinding(Kind.DELETED, 37, null);
    }

    @Test
    void verifyWhenDeletionHiddenByRenumberingThenNamesIt() {
        hub.rawEntries().deleteOne(eq("_id", 37L));
        for (long id = 38; id < 100; id++) {
            move(id, id - 1);
        }

        assertFinding(Kind.DELETED, 37, null);
    }

    @Test
    void verifyWhenSignedTailDeletedThenNamesFirstMissing() {
        hub.rawEntries().deleteMany(gte("_id", 90L));

        assertFinding(Kind.DELETED, 90, 100L);
    }

    @Test
    void verifyWhenForgedEntryInsertedThenNamesIt() {
        for (long id = 99; id >= 37; id--) {
            move(id, id + 1);
        }
        AuditEntry forged = new AuditEntry(37, TestTrail.CLOCK.instant(), null, "case.read", List.of("case-x"), "SUCCESS", null, null, new java.util.TreeMap<>());
        byte[] leafHash = EntryEncoding.leafHash(forged);
        hub.rawEntries().insertOne(EntryDocuments.toDocument(forged, leafHash, new byte[32]));

        assertFinding(Kind.INSERTED, 37, null);
    }

    @Test
    void verifyWhenEntryReplayedThenNamesTheCopy() {
        Document copy = hub.rawEntries().find(eq("_id", 36L)).first();
        for (long id = 99; id >= 37; id--) {
            move(id, id + 1);
        }
        copy.put("_id", 37L);
        hub.rawEntries().insertOne(copy);

        assertFinding(Kind.INSERTED, 37, null);
    }

    @Test
    void verifyWhenEntriesSwappedThenNamesItAsReordered() {
        Document forty = hub.rawEntries().find(eq("_id", 40L)).first();
        Document fortyOne = hub.rawEntries().find(eq("_id", 41L)).first();
        forty.put("_id", 41L);
        fortyOne.put("_id", 40L);
        hub.rawEntries().replaceOne(eq("_id", 40L), fortyOne);
        hub.rawEntries().replaceOne(eq("_id", 41L), forty);

        assertFinding(Kind.REORDERED, 40, null);
    }

    @Test
    void verifyWhenTreeHeadRootForgedThenNamesTheHead() {
        hub.rawHeads().updateOne(eq("_id", 50L), set("rootHash", new Binary(new byte[32])));

        assertFinding(Kind.TREE_HEAD_SIGNATURE_INVALID, 20, 50L);
    }

    @Test
    void verifyWhenTreeHeadSignedWithAnotherKeyThenNamesTheHead() {
        TreeHeadSigner impostor = new TreeHeadSigner(new TestKeys(7));
        SignedTreeHead forged = impostor.sign(60, hub.proofs.consistency(60, 60).toRoot(), TestTrail.CLOCK.instant());
        new TreeHeads(hub.mongo).insert(forged);

        assertFinding(Kind.TREE_HEAD_SIGNATURE_INVALID, 50, 60L);
    }

    @Test
    void signTreeHeadWhenSignedHistoryRewrittenThenRefuses() {
        rewrite(10, "case.close", true);
        hub.append(5);
        TestTrail restarted = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        try (restarted) {
            assertThatThrownBy(restarted.proofs::signTreeHead).isInstanceOf(AuditTreeHeadRefused.class);
            assertThat(restarted.proofs.latestHead().treeSize()).isEqualTo(100);
        }
    }

    private void assertFinding(Kind kind, long sequence, Long treeSize) {
        VerificationReport report = hub.verifier.verify();

        assertThat(report.intact()).isFalse();
        assertThat(report.firstFinding().kind()).isEqualTo(kind);
        assertThat(report.firstFinding().sequence()).isEqualTo(sequence);
        assertThat(report.firstFinding().treeSize()).isEqualTo(treeSize);
    }

    /** Changes an entry's action and recomputes its leaf hash (and, with the key, its seal). */
    private void rewrite(long id, String action, boolean withSealKey) {
        Document doc = hub.rawEntries().find(eq("_id", id)).first();
        doc.put("action", action);
        byte[] leafHash = EntryEncoding.leafHash(EntryDocuments.fromDocument(doc));
        doc.put("leafHash", new Binary(leafHash));
        if (withSealKey) {
            doc.put("seal", new Binary(new EntrySeal(new TestKeys()).seal(leafHash)));
        }
        hub.rawEntries().replaceOne(eq("_id", id), doc);
    }

    /** Moves a document to another {@code _id}, leaving its fields (and claimed seq) as they were. */
    private void move(long from, long to) {
        Document doc = hub.rawEntries().find(eq("_id", from)).first();
        hub.rawEntries().deleteOne(eq("_id", from));
        doc.put("_id", to);
        hub.rawEntries().insertOne(doc);
    }
}
