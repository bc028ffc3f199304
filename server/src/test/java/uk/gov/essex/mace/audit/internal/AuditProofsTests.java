package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.ByteBuffer;
import java.security.Signature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a partner does with what the hub hands out: checks a tree head's signature with the
 * published key and proofs with its own RFC 9162 code ({@link Rfc9162Verifier}).
 */
class AuditProofsTests {

    private MongoServer server;
    private TestTrail hub;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        hub = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        hub.close();
        server.shutdownNow();
    }

    @Test
    void inclusionWhenCheckedByPartnerAgainstSignedHeadThenHolds() throws Exception {
        hub.append(45);
        SignedTreeHead head = hub.proofs.signTreeHead().orElseThrow();
        assertThat(partnerAccepts(head)).isTrue();

        for (long seq = 0; seq < 45; seq++) {
            AuditProofs.InclusionProof proof = hub.proofs.inclusion(seq, head.treeSize());
            assertThat(Rfc9162Verifier.verifyInclusion(seq, head.treeSize(), proof.leafHash(), proof.auditPath(), head.rootHash()))
                    .as("entry %d", seq)
                    .isTrue();
        }
    }

    @Test
    void consistencyWhenPartnerHoldsOldHeadThenNewHeadExtendsIt() throws Exception {
        hub.append(13);
        SignedTreeHead old = hub.proofs.signTreeHead().orElseThrow();
        hub.append(20);
        SignedTreeHead current = hub.proofs.signTreeHead().orElseThrow();

        AuditProofs.ConsistencyProof proof = hub.proofs.consistency(old.treeSize(), current.treeSize());

        assertThat(partnerAccepts(current)).isTrue();
        assertThat(Rfc9162Verifier.verifyConsistency(old.treeSize(), current.treeSize(), old.rootHash(), current.rootHash(), proof.proof()))
                .isTrue();
    }

    @Test
    void proofsWhenAnotherProcessAppendedThenCaughtUpWithoutRestart() {
        hub.append(10);
        hub.proofs.signTreeHead();
        try (TestTrail other = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            other.append(7);
        }

        AuditProofs.InclusionProof proof = hub.proofs.inclusion(16, 17);

        assertThat(proof.rootHash()).isEqualTo(hub.proofs.signTreeHead().orElseThrow().rootHash());
    }

    @Test
    void signTreeHeadWhenNothingNewThenKeepsLatest() {
        hub.append(3);
        SignedTreeHead first = hub.proofs.signTreeHead().orElseThrow();

        assertThat(hub.proofs.signTreeHead().orElseThrow().timestamp()).isEqualTo(first.timestamp());
        assertThat(hub.rawHeads().countDocuments()).isEqualTo(1);
    }

    /** The partner's own check of the RFC 6962 s3.5 structure with the published key. */
    private boolean partnerAccepts(SignedTreeHead head) throws Exception {
        byte[] signed = ByteBuffer.allocate(50)
                .put((byte) 0)
                .put((byte) 1)
                .putLong(head.timestamp().toEpochMilli())
                .putLong(head.treeSize())
                .put(head.rootHash())
                .array();
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(hub.proofs.signer().publicKey());
        ed25519.update(signed);
        return ed25519.verify(head.signature());
    }
}
