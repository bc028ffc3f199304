package uk.gov.essex.mace.audit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A growable array of 32-byte hashes in 1 MiB pages: 32 bytes an item and no per-item object,
 * so a million leaf hashes take 32 MiB and never need one huge contiguous allocation.
 */
final class HashStore {

    private static final int PAGE_BITS = 15;
    private static final int PAGE_ITEMS = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_ITEMS - 1;

    private final List<byte[]> pages = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] hash) {
        int slot = (int) (size & PAGE_MASK);
        if (slot == 0) {
            pages.add(new byte[PAGE_ITEMS * MerkleHashes.SIZE]);
        }
        System.arraycopy(hash, 0, pages.get(pages.size() - 1), slot * MerkleHashes.SIZE, MerkleHashes.SIZE);
        size++;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        byte[] hash = new byte[MerkleHashes.SIZE];
        int slot = (int) (index & PAGE_MASK);
        System.arraycopy(pages.get((int) (index >>> PAGE_BITS)), slot * MerkleHashes.SIZE, hash, 0, MerkleHashes.SIZE);
        return hash;
    }
}
