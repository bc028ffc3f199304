package uk.gov.essex.mace.audit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only Merkle tree over leaf hashes, computing the tree hash, inclusion paths and
 * consistency proofs for any size up to the current one without rescanning the leaves.
 *
 * <p>It keeps the leaf hashes, the hashes of every complete, aligned subtree of
 * {@value #LOWEST_CACHED_LEVEL_SIZE} leaves or more, and the frontier (the roots of the complete
 * subtrees that make up the current size). Every subtree the RFC's recursions ask for is then
 * either cached or at most {@value #LOWEST_CACHED_LEVEL_SIZE} leaves away, so a proof is
 * O(log n) lookups plus a few dozen hashes. Memory: about 36 bytes an entry.
 *
 * <p>Thread-safe; appends and reads are serialised on the instance.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 s2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6962#section-2.1">RFC 6962 s2.1</a>
 */
public final class MerkleTree {

    static final int LOWEST_CACHED_LEVEL = 4;
    static final int LOWEST_CACHED_LEVEL_SIZE = 1 << LOWEST_CACHED_LEVEL;

    private final HashStore leaves = new HashStore();
    private final List<HashStore> levels = new ArrayList<>();
    private final byte[][] frontier = new byte[64][];

    /** Number of leaves. */
    public synchronized long size() {
        return leaves.size();
    }

    /** Appends the next leaf hash (already SHA-256(0x00 || entry)). */
    public synchronized void append(byte[] leafHash) {
        if (leafHash.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        long index = leaves.size();
        leaves.add(leafHash);
        byte[] node = leafHash;
        int level = 0;
        while ((index & 1) == 1) {
            node = MerkleHashes.node(frontier[level], node);
            frontier[level] = null;
            level++;
            index >>>= 1;
            if (level >= LOWEST_CACHED_LEVEL) {
                level(level).add(node);
            }
        }
        frontier[level] = node;
    }

    /** The hash of leaf {@code index}. */
    public synchronized byte[] leaf(long index) {
        return leaves.get(index);
    }

    /** MTH(D[0:size]) for the current size. */
    public synchronized byte[] root() {
        long size = leaves.size();
        if (size == 0) {
            return MerkleHashes.empty();
        }
        byte[] root = null;
        for (int level = 0; level < 64; level++) {
            if ((size >>> level & 1) == 1) {
                root = root == null ? frontier[level] : MerkleHashes.node(frontier[level], root);
            }
        }
        return root.clone();
    }

    /** MTH(D[0:size]) for an earlier (or the current) size. */
    public synchronized byte[] root(long size) {
        requireSize(size);
        return size == 0 ? MerkleHashes.empty() : hash(0, size);
    }

    /**
     * The audit path PATH(index, D[0:size]) of RFC 9162 s2.1.3.1, nearest the leaf first.
     */
    public synchronized List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index must be in [0, size)");
        }
        List<byte[]> path = new ArrayList<>();
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (index < lo + k) {
                path.add(hash(lo + k, hi));
                hi = lo + k;
            } else {
                path.add(hash(lo, lo + k));
                lo += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The consistency proof PROOF(first, D[0:second]) of RFC 9162 s2.1.4.1 (SUBPROOF with
     * {@code b = true}), empty when the sizes are equal.
     */
    public synchronized List<byte[]> consistencyProof(long first, long second) {
        requireSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("sizes must satisfy 0 < first <= second");
        }
        List<byte[]> proof = new ArrayList<>();
        long m = first;
        long lo = 0;
        long hi = second;
        boolean whole = true;
        while (m != hi - lo) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (m <= k) {
                proof.add(hash(lo + k, hi));
                hi = lo + k;
            } else {
                proof.add(hash(lo, lo + k));
                m -= k;
                lo += k;
                whole = false;
            }
        }
        if (!whole) {
            proof.add(hash(lo, hi));
        }
        Collections.reverse(proof);
        return proof;
    }

    /** MTH(D[start:end]); every range the RFC recursions ask for starts aligned. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        if (Long.bitCount(n) == 1 && (start & (n - 1)) == 0) {
            int level = Long.numberOfTrailingZeros(n);
            if (level >= LOWEST_CACHED_LEVEL) {
                return level(level).get(start >>> level);
            }
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(hash(start, start + k), hash(start + k, end));
    }

    private HashStore level(int level) {
        while (levels.size() <= level) {
            levels.add(new HashStore());
        }
        return levels.get(level);
    }

    private void requireSize(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("size " + size + " is beyond the tree (" + leaves.size() + ")");
        }
    }

    /** The k of RFC 9162: the largest power of two smaller than {@code n} (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
