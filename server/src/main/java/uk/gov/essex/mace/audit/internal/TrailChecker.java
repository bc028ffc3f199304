package uk.gov.essex.mace.audit.internal;

import com.mongodb.MongoClientSettings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.LongUnaryOperator;
import org.bson.BsonSerializationException;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
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
 *
 * <p>Documents arrive as the stored BSON bytes ({@link RawBsonDocument}). An entry in the shape
 * the hub writes is checked in place: {@link RawEntryReader} writes its canonical bytes straight
 * from the BSON, the leaf hash and seal are compared with the stored bytes where they lie, and
 * the frontier is a fixed array, so the walk allocates next to nothing per entry. Anything else
 * is decoded into a {@link Document} and judged by {@link #accept(Document)}, the general path,
 * which reaches the same verdict on entries in the hub's shape, only more slowly.
 */
public final class TrailChecker {

    private static final int HASH = MerkleHashes.SIZE;
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final TreeHeadSigner signer;
    private final EntrySeal seal;
    private final EntrySeal.Checker seals;
    private final Iterator<Document> heads;
    private final LongUnaryOperator positionClaiming;
    private final RawEntryReader reader = new RawEntryReader();
    private final MessageDigest sha = MerkleHashes.newDigest();
    /** frontier[level * 32...]: the root of the complete subtree of 2^level leaves left of {@link #next}. */
    private final byte[] frontier = new byte[64 * HASH];
    /** 0x01 || left || right: a node hash's input, RFC 9162 s2.1.1. */
    private final byte[] node = new byte[1 + 2 * HASH];
    private final byte[] leaf = new byte[HASH];
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
        this.seals = seal.checker();
        this.heads = heads;
        this.positionClaiming = positionClaiming;
        node[0] = 0x01;
    }

    /** Checks the next document, as stored; false once a finding stops the walk. */
    public boolean accept(RawBsonDocument doc) {
        if (finding != null || !checkHeadsAt(next)) {
            return false;
        }
        ByteBuf buffer = doc.getByteBuffer();
        byte[] bytes = buffer.array();
        RawEntryReader.Shape shape = reader.read(bytes, buffer.arrayOffset() + buffer.position());
        if (shape == RawEntryReader.Shape.UNUSUAL) {
            return acceptDecoded(doc);
        }
        long id = reader.id();
        if (id != next) {
            return found(Kind.DELETED, next, null, "no entry " + next + "; the next stored entry is " + id);
        }
        if (shape == RawEntryReader.Shape.MALFORMED) {
            return found(Kind.EDITED, id, null, "not an entry as the hub writes them: " + reader.problem());
        }
        if (!claimsOwnPosition(id, reader.seq())) {
            return false;
        }
        sha.update(reader.canonical(), 0, reader.canonicalLength());
        digestInto(leaf, 0);
        if (!sameHash(leaf, 0, bytes, buffer.arrayOffset() + reader.leafHashAt())) {
            return found(Kind.EDITED, id, null, "the entry's fields no longer match its leaf hash");
        }
        if (!seals.matches(leaf, 0, bytes, buffer.arrayOffset() + reader.sealAt())) {
            return sealFails(id);
        }
        push(leaf);
        next++;
        return true;
    }

    private boolean acceptDecoded(RawBsonDocument doc) {
        Document decoded;
        try {
            decoded = doc.decode(DOCUMENTS);
        } catch (BsonSerializationException | IllegalArgumentException e) {
            return found(Kind.EDITED, next, null, "not a BSON document: " + e.getMessage());
        }
        return accept(decoded);
    }

    /** Checks the next document, decoded: the general path. False once a finding stops the walk. */
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
        if (!claimsOwnPosition(id, entry.seq())) {
            return false;
        }
        byte[] leafHash = EntryEncoding.leafHash(entry);
        if (!Arrays.equals(leafHash, stored)) {
            return found(Kind.EDITED, id, null, "the entry's fields no longer match its leaf hash");
        }
        if (!seal.matches(leafHash, storedSeal)) {
            return sealFails(id);
        }
        push(leafHash);
        next++;
        return true;
    }

    /** The entry at position {@code id} claims number {@code seq}: anything but {@code id} is a finding. */
    private boolean claimsOwnPosition(long id, long seq) {
        if (seq > id) {
            long elsewhere = positionClaiming.applyAsLong(id);
            return elsewhere >= 0
                    ? found(Kind.REORDERED, id, null, "position " + id + " holds entry " + seq + "; entry " + id + " is at position " + elsewhere)
                    : found(Kind.DELETED, id, null, "entry " + id + " is missing; later entries were moved down over it");
        }
        if (seq < id) {
            return found(Kind.INSERTED, id, null, "position " + id + " holds a second copy of entry " + seq);
        }
        return true;
    }

    private boolean sealFails(long id) {
        long displaced = positionClaiming.applyAsLong(id);
        return displaced >= 0
                ? found(Kind.INSERTED, id, null, "an entry the hub did not write sits at " + id + "; entry " + id + " was pushed to position " + displaced)
                : found(Kind.EDITED, id, null, "the entry was rewritten with a new leaf hash: its seal does not match");
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

    /**
     * Checks every head of size {@code size}; leaves the first larger head pending. Each head's
     * signature is checked once, when it is read.
     */
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

    /**
     * Adds leaf {@link #next}: merges it with the complete subtrees to its left, one node hash per
     * trailing 1 bit of its index (RFC 9162 s2.1.1's MTH, built left to right), O(log n) state.
     */
    private void push(byte[] leafHash) {
        System.arraycopy(leafHash, 0, node, 1 + HASH, HASH);
        int level = 0;
        for (long index = next; (index & 1) == 1; index >>>= 1) {
            System.arraycopy(frontier, level * HASH, node, 1, HASH);
            sha.update(node, 0, node.length);
            digestInto(node, 1 + HASH);
            level++;
        }
        System.arraycopy(node, 1 + HASH, frontier, level * HASH, HASH);
    }

    /** The root of the first {@link #next} leaves: the frontier's subtrees folded right to left. */
    private byte[] root() {
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            if ((next >>> level & 1) == 1) {
                byte[] subtree = Arrays.copyOfRange(frontier, level * HASH, (level + 1) * HASH);
                root = root == null ? subtree : MerkleHashes.node(subtree, root);
            }
        }
        return root == null ? MerkleHashes.empty() : root;
    }

    /** Whether the 32 bytes at {@code a[aAt...]} and {@code b[bAt...]} are equal, a word at a time. */
    private static boolean sameHash(byte[] a, int aAt, byte[] b, int bAt) {
        long difference = 0;
        for (int i = 0; i < HASH; i += 8) {
            difference |= (long) WORD.get(a, aAt + i) ^ (long) WORD.get(b, bAt + i);
        }
        return difference == 0;
    }

    private void digestInto(byte[] out, int offset) {
        try {
            sha.digest(out, offset, HASH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit", e);
        }
    }

    private boolean found(Kind kind, long sequence, Long treeSize, String detail) {
        finding = new TamperFinding(kind, sequence, treeSize, detail);
        return false;
    }
}
