package uk.gov.essex.mace.audit.internal;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.LongUnaryOperator;
import org.bson.Document;
import uk.gov.essex.mace.audit.internal.TamperFinding.Kind;

/**
 * One walk over the trail in sequence order: fed documents one at a time, it recomputes each
 * leaf hash, checks sequence continuity, the stored hash and seal, folds the leaves into a
 * frontier and checks every signed tree head at the moment the walk reaches its size. It keeps
 * O(log n) state, so the trail streams through it.
 *
 * <p>How findings are named, in the order checked for each position {@code s}:
 * <ol>
 *   <li>a head of size {@code s} with a bad signature or root: TREE_HEAD_*;
 *   <li>the next document's {@code _id} is beyond {@code s}: DELETED at {@code s};
 *   <li>it does not parse as an entry: EDITED;
 *   <li>it claims a later number t > s: REORDERED if another document claims {@code s}, else
 *       DELETED (entries renumbered over a deletion);
 *   <li>it claims an earlier number t < s: a replayed copy of entry t, INSERTED at {@code s};
 *   <li>its fields do not hash to its stored leaf hash: EDITED;
 *   <li>its seal does not match: INSERTED if the genuine entry {@code s} sits further on (a
 *       forged entry pushed the rest along), else EDITED (rewritten and re-hashed in place).
 * </ol>
 * After the last document, a head larger than the trail means DELETED at the trail's end.
 */
public final class TrailChecker {

    private final TreeHeadSigner signer;
    private final EntrySeal seal;
    private final Iterator<Document> heads;
    private final LongUnaryOperator positionClaiming;
    private final byte[][] frontier = new byte[64][];
    private long next;
    private long headsChecked;
    private long verifiedSize;
    private SignedTreeHead pendingHead;
    private TamperFinding finding;

    /**
     * @param heads stored tree heads in ascending size
     * @param positionClaiming where another document claims a sequence number, or -1
     */
    public TrailChecker(TreeHeadSigner signer, EntrySeal seal, Iterator<Document> heads, LongUnaryOperator positionClaiming) {
        this.signer = signer;
        this.seal = seal;
        this.heads = heads;
        this.positionClaiming = positionClaiming;
    }

    /** Checks the next document; false once a finding stops the walk. */
    public boolean accept(Document doc) {
        if (finding != null || !checkHeadsAt(next)) {
            return false;
        }
        long id;
        try {
            id = EntryDocuments.integral(doc, EntryDocuments.ID);
        } catch (EntryDocuments.MalformedEntry e) {
            return found(Kind.EDITED, next, null, "document without a numeric _id");
        }
        if (id != next) {
            return found(Kind.DELETED, next, null, "no entry " + next + "; the next stored entry is " + id);
        }
        AuditEntry entry;
        byte[] stored;
        byte[] storedSeal;
        try {
            entry = EntryDocuments.fromDocument(doc);
            stored = EntryDocuments.hash(doc, EntryDocuments.LEAF_HASH);
            storedSeal = EntryDocuments.hash(doc, EntryDocuments.SEAL);
        } catch (EntryDocuments.MalformedEntry e) {
            return found(Kind.EDITED, id, null, "not an entry as the hub writes them: " + e.getMessage());
        }
        if (entry.seq() > id) {
            long elsewhere = positionClaiming.applyAsLong(id);
            return elsewhere >= 0
                    ? found(Kind.REORDERED, id, null, "position " + id + " holds entry " + entry.seq() + "; entry " + id + " is at position " + elsewhere)
                    : found(Kind.DELETED, id, null, "entry " + id + " is missing; later entries were moved down over it");
        }
        if (entry.seq() < id) {
            return found(Kind.INSERTED, id, null, "position " + id + " holds a second copy of entry " + entry.seq());
        }
        byte[] leafHash = EntryEncoding.leafHash(entry);
        if (!Arrays.equals(leafHash, stored)) {
            return found(Kind.EDITED, id, null, "the entry's fields no longer match its leaf hash");
        }
        if (!seal.matches(leafHash, storedSeal)) {
            long displaced = positionClaiming.applyAsLong(id);
            return displaced >= 0
                    ? found(Kind.INSERTED, id, null, "an entry the hub did not write sits at " + id + "; entry " + id + " was pushed to position " + displaced)
                    : found(Kind.EDITED, id, null, "the entry was rewritten with a new leaf hash: its seal does not match");
        }
        push(leafHash);
        next++;
        return true;
    }

    /** Ends the walk: checks heads at the final size and heads beyond the trail's end. */
    public TamperFinding finish() {
        if (finding == null && checkHeadsAt(next) && pendingHead != null) {
            found(Kind.DELETED, next, pendingHead.treeSize(),
                    "a signed head covers " + pendingHead.treeSize() + " entries but the trail ends at " + next);
        }
        return finding;
    }

    public long entriesChecked() {
        return next;
    }

    public long headsChecked() {
        return headsChecked;
    }

    public long verifiedSize() {
        return verifiedSize;
    }

    /** Checks every head of size {@code size}; leaves the first larger head pending. */
    private boolean checkHeadsAt(long size) {
        while (true) {
            if (pendingHead == null) {
                if (!heads.hasNext()) {
                    return true;
                }
                Document doc = heads.next();
                try {
                    pendingHead = TreeHeads.fromDocument(doc);
                } catch (EntryDocuments.MalformedEntry e) {
                    return found(Kind.TREE_HEAD_SIGNATURE_INVALID, verifiedSize, null, e.getMessage());
                }
                if (!signer.verify(pendingHead)) {
                    return found(Kind.TREE_HEAD_SIGNATURE_INVALID, verifiedSize, pendingHead.treeSize(),
                            "the tree head of size " + pendingHead.treeSize() + " is not signed by this hub's key");
                }
            }
            if (pendingHead.treeSize() > size) {
                return true;
            }
            headsChecked++;
            if (!Arrays.equals(root(), pendingHead.rootHash())) {
                return found(Kind.TREE_HEAD_ROOT_MISMATCH, verifiedSize, pendingHead.treeSize(),
                        "entries " + verifiedSize + " to " + (size - 1) + " no longer hash to the signed root");
            }
            verifiedSize = size;
            pendingHead = null;
        }
    }

    private void push(byte[] leafHash) {
        byte[] node = leafHash;
        int level = 0;
        for (long index = next; (index & 1) == 1; index >>>= 1) {
            node = MerkleHashes.node(frontier[level], node);
            frontier[level++] = null;
        }
        frontier[level] = node;
    }

    private byte[] root() {
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            if ((next >>> level & 1) == 1) {
                root = root == null ? frontier[level] : MerkleHashes.node(frontier[level], root);
            }
        }
        return root == null ? MerkleHashes.empty() : root;
    }

    private boolean found(Kind kind, long sequence, Long treeSize, String detail) {
        finding = new TamperFinding(kind, sequence, treeSize, detail);
        return false;
    }
}
