package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.audit.AuditClient;
import uk.gov.essex.mace.client.audit.AuditPublicKey;
import uk.gov.essex.mace.client.audit.AuditVerificationException;
import uk.gov.essex.mace.client.audit.ConsistencyProof;
import uk.gov.essex.mace.client.audit.InMemoryTreeHeadStore;
import uk.gov.essex.mace.client.audit.InclusionProof;
import uk.gov.essex.mace.client.audit.TreeHead;

/** The hub's signed heads and proofs, checked by the SDK's own code. */
class SdkAuditTests extends SdkIntegrationTest {

    private HubClient auditor() {
        return person("auditor");
    }

    @Test
    void publicKeyWhenAnyoneAsksThenEd25519KeyWhoseIdMatchesSignedHeads() {
        AuditPublicKey key = partner(POLICE).audit().publicKey();
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(key.jwk()).containsEntry("crv", "Ed25519");
        openCase();
        TreeHead head = auditor().audit().signTreeHead();
        assertThat(head.keyId()).isEqualTo(key.keyId());
        assertThat(AuditClient.verifyTreeHead(head, key.toPublicKey())).isTrue();
    }

    @Test
    void verifyTreeHeadWhenHeadAlteredThenInvalid() {
        PublicKey key = partner(POLICE).audit().publicKey().toPublicKey();
        openCase();
        TreeHead head = auditor().audit().signTreeHead();
        TreeHead bigger = new TreeHead(head.treeSize() + 1, head.rootHash(), head.timestamp(), head.keyId(), head.signature());
        assertThat(AuditClient.verifyTreeHead(bigger, key)).isFalse();
    }

    @Test
    void inclusionProofWhenEntryInSignedTreeThenVerifiesAgainstHead() {
        openCase();
        HubClient auditor = auditor();
        TreeHead head = auditor.audit().signTreeHead();
        assertThat(auditor.audit().latestTreeHead().treeSize()).isGreaterThanOrEqualTo(head.treeSize());
        for (long seq : new long[] {0, head.treeSize() / 2, head.treeSize() - 1}) {
            InclusionProof proof = auditor.audit().inclusionProof(seq, head.treeSize());
            assertThat(AuditClient.verifyInclusion(proof, head)).as("entry %d", seq).isTrue();
            InclusionProof forged = new InclusionProof(seq, proof.treeSize(), Base64.getEncoder().encodeToString(new byte[32]),
                    proof.auditPath(), proof.rootHash());
            assertThat(AuditClient.verifyInclusion(forged, head)).isFalse();
        }
    }

    @Test
    void consistencyProofWhenTrailGrewThenOldHeadIsPrefixOfNew() {
        HubClient auditor = auditor();
        openCase();
        TreeHead older = auditor.audit().signTreeHead();
        openCase();
        TreeHead newer = auditor.audit().signTreeHead();
        assertThat(newer.treeSize()).isGreaterThan(older.treeSize());
        ConsistencyProof proof = auditor.audit().consistencyProof(older.treeSize(), newer.treeSize());
        assertThat(AuditClient.verifyConsistency(older, newer, proof)).isTrue();
        TreeHead rewritten = new TreeHead(older.treeSize(), Base64.getEncoder().encodeToString(new byte[32]),
                older.timestamp(), older.keyId(), older.signature());
        assertThat(AuditClient.verifyConsistency(rewritten, newer, proof)).isFalse();
    }

    @Test
    void checkConsistencyWhenRunOnScheduleThenKeepsVerifiedHeads() {
        HubClient auditor = auditor();
        PublicKey key = auditor.audit().publicKey().toPublicKey();
        InMemoryTreeHeadStore store = new InMemoryTreeHeadStore();
        openCase();
        auditor.audit().signTreeHead();
        TreeHead first = auditor.audit().checkConsistency(store, key);
        assertThat(store.latest()).contains(first);
        openCase();
        auditor.audit().signTreeHead();
        TreeHead second = auditor.audit().checkConsistency(store, key);
        assertThat(second.treeSize()).isGreaterThan(first.treeSize());
        assertThat(store.latest()).contains(second);
    }

    @Test
    void checkConsistencyWhenHeldHeadDisagreesThenAlarm() {
        HubClient auditor = auditor();
        PublicKey key = auditor.audit().publicKey().toPublicKey();
        openCase();
        TreeHead real = auditor.audit().signTreeHead();
        InMemoryTreeHeadStore store = new InMemoryTreeHeadStore();
        store.save(new TreeHead(real.treeSize() - 1, real.rootHash(), real.timestamp(), real.keyId(), real.signature()));
        openCase();
        auditor.audit().signTreeHead();
        assertThatThrownBy(() -> auditor.audit().checkConsistency(store, key))
                .isInstanceOfSatisfying(AuditVerificationException.class,
                        e -> assertThat(e.problemType()).isEqualTo(AuditVerificationException.TYPE));
    }

    @Test
    void treeHeadsWhenIteratedThenAscendingSignedHeads() {
        HubClient auditor = auditor();
        openCase();
        auditor.audit().signTreeHead();
        openCase();
        TreeHead last = auditor.audit().signTreeHead();
        PublicKey key = auditor.audit().publicKey().toPublicKey();
        List<TreeHead> heads = auditor.audit().treeHeads(-1, 2).stream().toList();
        assertThat(heads).extracting(TreeHead::treeSize).isSorted().doesNotHaveDuplicates().contains(last.treeSize());
        assertThat(heads).allSatisfy(h -> assertThat(AuditClient.verifyTreeHead(h, key)).isTrue());
    }
}
