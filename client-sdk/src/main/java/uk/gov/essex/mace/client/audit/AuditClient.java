package uk.gov.essex.mace.client.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import uk.gov.essex.mace.client.PagedIterable;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;

/**
 * The audit trail's signed tree heads and proofs ({@code /api/audit}), and their verification on
 * the client side. Reading heads and proofs needs the AUDITOR (or ADMIN) role; the public key is
 * open to anyone. Obtain from {@code HubClient.audit()}.
 *
 * <p>The usual partner routine, on a schedule: {@link #checkConsistency(TreeHeadStore, PublicKey)}.
 */
public final class AuditClient {

    private final HubHttp http;

    /** Internal: use {@code HubClient.audit()}. */
    public AuditClient(HubHttp http) {
        this.http = http;
    }

    /** The hub's tree-head signing key. */
    public AuditPublicKey publicKey() {
        return http.send(HubRequest.get("/api/audit/public-key", AuditPublicKey.class));
    }

    /** The latest signed tree head ({@link uk.gov.essex.mace.client.NotFoundException} before the first). */
    public TreeHead latestTreeHead() {
        return http.send(HubRequest.get("/api/audit/tree-heads/latest", TreeHead.class));
    }

    /** Asks the hub to sign a head over everything appended so far, now. */
    public TreeHead signTreeHead() {
        return http.send(HubRequest.post("/api/audit/tree-heads", null, TreeHead.class, Retry.SAFE, null));
    }

    /** Every signed head in ascending size, fetched 100 at a time. */
    public PagedIterable<TreeHead> treeHeads() {
        return treeHeads(-1, 100);
    }

    /** Signed heads larger than {@code afterSize}, ascending, fetched {@code pageSize} at a time. */
    public PagedIterable<TreeHead> treeHeads(long afterSize, int pageSize) {
        return PagedIterable.of(afterSize, after -> {
            TreeHeadsPage page = http.send(HubRequest.get(HubRequest.query("/api/audit/tree-heads",
                    HubRequest.params("afterSize", after, "limit", pageSize)), TreeHeadsPage.class));
            return new PagedIterable.Page<>(page.treeHeads() == null ? List.of() : page.treeHeads(), page.nextAfterSize());
        });
    }

    /** The proof that entry {@code seq} is in the tree of size {@code treeSize}. */
    public InclusionProof inclusionProof(long seq, long treeSize) {
        return http.send(HubRequest.get(HubRequest.query("/api/audit/proofs/inclusion",
                HubRequest.params("seq", seq, "treeSize", treeSize)), InclusionProof.class));
    }

    /** The proof that the tree of size {@code from} is a prefix of the tree of size {@code to}. */
    public ConsistencyProof consistencyProof(long from, long to) {
        return http.send(HubRequest.get(HubRequest.query("/api/audit/proofs/consistency",
                HubRequest.params("from", from, "to", to)), ConsistencyProof.class));
    }

    /**
     * Whether {@code head} is signed by {@code key}: the key id matches and the Ed25519 signature
     * over the RFC 6962 s3.5 TreeHeadSignature verifies.
     */
    public static boolean verifyTreeHead(TreeHead head, PublicKey key) {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(key, "key");
        try {
            String keyId = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
            if (!keyId.equals(head.keyId())) {
                return false;
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(head.signedBytes());
            return verifier.verify(head.signatureBytes());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether {@code proof} shows its entry is in the tree {@code head} vouches for. The root is
     * taken from the head (which you verified), never from the proof.
     */
    public static boolean verifyInclusion(InclusionProof proof, TreeHead head) {
        if (proof.treeSize() != head.treeSize()) {
            return false;
        }
        try {
            return MerkleProofs.verifyInclusion(proof.seq(), proof.treeSize(), decode(proof.leafHash()),
                    proof.auditPath().stream().map(AuditClient::decode).toList(), head.rootHashBytes());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code proof} shows that {@code oldHead}'s tree is a prefix of {@code newHead}'s. */
    public static boolean verifyConsistency(TreeHead oldHead, TreeHead newHead, ConsistencyProof proof) {
        if (proof.from() != oldHead.treeSize() || proof.to() != newHead.treeSize()) {
            return false;
        }
        try {
            return MerkleProofs.verifyConsistency(oldHead.treeSize(), newHead.treeSize(), oldHead.rootHashBytes(),
                    newHead.rootHashBytes(), proof.proof().stream().map(AuditClient::decode).toList());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The partner's routine check: fetch the latest head, verify its signature with {@code key}
     * (a key you hold, not one fetched just now), and if {@code store} holds an earlier head,
     * fetch and verify the consistency proof from it. Only then is the new head saved.
     *
     * @return the new, verified head
     * @throws AuditVerificationException when the signature or the proof fails, or the trail shrank
     */
    public TreeHead checkConsistency(TreeHeadStore store, PublicKey key) {
        TreeHead latest = latestTreeHead();
        if (!verifyTreeHead(latest, key)) {
            throw new AuditVerificationException("the latest tree head (size " + latest.treeSize()
                    + ") is not validly signed by the key you hold");
        }
        TreeHead previous = store.latest().orElse(null);
        if (previous != null) {
            if (latest.treeSize() < previous.treeSize()) {
                throw new AuditVerificationException("the trail shrank: you hold a head of size " + previous.treeSize()
                        + " but the hub's latest is " + latest.treeSize());
            }
            boolean consistent = latest.treeSize() == previous.treeSize()
                    ? latest.rootHash().equals(previous.rootHash())
                    : verifyConsistency(previous, latest, consistencyProof(previous.treeSize(), latest.treeSize()));
            if (!consistent) {
                throw new AuditVerificationException("the trail of size " + latest.treeSize()
                        + " is not consistent with the head of size " + previous.treeSize() + " you hold");
            }
        }
        store.save(latest);
        return latest;
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** The wire shape of {@code GET /api/audit/tree-heads}. */
    record TreeHeadsPage(List<TreeHead> treeHeads, Long nextAfterSize) {}
}
