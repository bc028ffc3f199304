package uk.gov.essex.mace.audit.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditTreeHeadNotFound;
import uk.gov.essex.mace.audit.AuditTreeHeadRefused;
import uk.gov.essex.mace.audit.InvalidAuditQuery;

/**
 * The trail as a Merkle tree: signs tree heads and answers inclusion and consistency proofs.
 *
 * <p>Keeps an in-memory {@link MerkleTree} of the stored leaf hashes, filled from the database on
 * first use and topped up incrementally with only the entries it has not seen (whichever process
 * appended them), so neither signing nor proofs rescan the trail.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 s2.1</a>
 */
@Service
public class AuditProofs {

    private static final Logger log = LoggerFactory.getLogger(AuditProofs.class);
    /**
     * Ids asked for at a time when catching up. Small because the embedded store matches each
     * document it finds against the whole {@code $in} list: the work per chunk grows with its
     * square, and the audit collection is locked meanwhile (1,000 held every audit append up for
     * tens of milliseconds at each signing under load).
     */
    static final int CATCH_UP_CHUNK = 64;
    /** Further behind than this (first use after a start), the leaves are streamed in order instead. */
    static final int STREAM_BEYOND = 4_000;

    private final AuditEntries entries;
    private final TreeHeads heads;
    private final TreeHeadSigner signer;
    private final Clock clock;
    private final MerkleTree tree = new MerkleTree();

    public AuditProofs(AuditEntries entries, TreeHeads heads, TreeHeadSigner signer, Clock clock) {
        this.entries = entries;
        this.heads = heads;
        this.signer = signer;
        this.clock = clock;
    }

    /**
     * Signs a head over every entry stored so far, if there are entries no head covers yet.
     * Refuses (and logs an alarm) when the stored leaves no longer hash to the latest signed
     * head: signing then would bless a rewritten history.
     *
     * @return the latest head after the call, if any
     */
    public synchronized Optional<SignedTreeHead> signTreeHead() {
        long size = catchUp();
        Optional<SignedTreeHead> latest = heads.latest();
        if (latest.isPresent()) {
            SignedTreeHead head = latest.get();
            if (head.treeSize() >= size) {
                return latest;
            }
            if (!Arrays.equals(tree.root(head.treeSize()), head.rootHash())) {
                log.error("AUDIT TAMPER ALARM: stored entries no longer match the signed tree head of size {};"
                        + " refusing to sign. Run the audit verifier.", head.treeSize());
                throw new AuditTreeHeadRefused("stored audit entries no longer match the signed tree head of size "
                        + head.treeSize() + "; run verification");
            }
        }
        if (size == 0) {
            return latest;
        }
        SignedTreeHead head = signer.sign(size, tree.root(size), clock.instant());
        if (!heads.insert(head)) {
            return heads.ofSize(size);
        }
        log.info("Signed audit tree head: size {}", size);
        return Optional.of(head);
    }

    /** The audit path for entry {@code seq} in the tree of {@code treeSize} entries. */
    public InclusionProof inclusion(long seq, long treeSize) {
        if (seq < 0 || treeSize < 1 || seq >= treeSize) {
            throw new InvalidAuditQuery("need 0 <= seq < treeSize");
        }
        requireSize(treeSize);
        return new InclusionProof(seq, treeSize, tree.leaf(seq), tree.inclusionProof(seq, treeSize), tree.root(treeSize));
    }

    /** The proof that the tree of size {@code from} is a prefix of the tree of size {@code to}. */
    public ConsistencyProof consistency(long from, long to) {
        if (from < 1 || from > to) {
            throw new InvalidAuditQuery("need 0 < from <= to");
        }
        requireSize(to);
        return new ConsistencyProof(from, to, tree.consistencyProof(from, to), tree.root(from), tree.root(to));
    }

    public SignedTreeHead latestHead() {
        return heads.latest().orElseThrow(() -> new AuditTreeHeadNotFound("no tree head has been signed yet"));
    }

    public List<SignedTreeHead> heads(long afterSize, int limit) {
        if (limit < 1 || limit > AuditQuery.MAX_SIZE) {
            throw new InvalidAuditQuery("limit must be between 1 and " + AuditQuery.MAX_SIZE);
        }
        return heads.list(afterSize, limit);
    }

    public TreeHeadSigner signer() {
        return signer;
    }

    private void requireSize(long treeSize) {
        if (treeSize > tree.size() && treeSize > catchUp()) {
            throw new InvalidAuditQuery("treeSize " + treeSize + " is beyond the trail (" + tree.size() + " entries)");
        }
    }

    /**
     * Adds the stored leaf hashes the tree has not seen, up to the first hole; returns the size.
     * A long way behind (first use after a start) it streams them in order; otherwise it asks for
     * exact ids, a chunk at a time, which stays cheap however long the trail is.
     */
    synchronized long catchUp() {
        long from = tree.size();
        if (!entries.exists(from)) {
            return from;
        }
        if (entries.estimatedCount() - from > STREAM_BEYOND) {
            entries.leafHashesFrom(from, (seq, leafHash) -> {
                if (seq == tree.size()) {
                    tree.append(leafHash);
                }
            });
        }
        while (true) {
            Map<Long, byte[]> chunk = entries.leafHashesOf(tree.size(), CATCH_UP_CHUNK);
            byte[] next;
            while ((next = chunk.get(tree.size())) != null) {
                tree.append(next);
            }
            if (chunk.size() < CATCH_UP_CHUNK) {
                return tree.size();
            }
        }
    }

    /**
     * An inclusion proof.
     *
     * @param seq the entry's sequence number (leaf index)
     * @param treeSize the size of the tree it is proved against
     * @param leafHash the stored leaf hash of the entry
     * @param auditPath PATH(seq, D[0:treeSize]), nearest the leaf first
     * @param rootHash MTH(D[0:treeSize]), to compare with a signed head of that size
     */
    public record InclusionProof(long seq, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] rootHash) {}

    /**
     * A consistency proof.
     *
     * @param from the earlier tree size
     * @param to the later tree size
     * @param proof PROOF(from, D[0:to])
     * @param fromRoot MTH(D[0:from])
     * @param toRoot MTH(D[0:to])
     */
    public record ConsistencyProof(long from, long to, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {}
}
