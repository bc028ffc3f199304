package uk.gov.essex.mace.audit.internal;

/**
 * The first thing found wrong with the trail.
 *
 * @param kind what is wrong
 * @param sequence the first bad sequence number; for a tree head, the first entry that no earlier
 *     verified head vouches for
 * @param treeSize the size of the tree head concerned, or {@code null} for an entry finding
 * @param detail a short explanation for the auditor
 */
public record TamperFinding(Kind kind, long sequence, Long treeSize, String detail) {

    /** What is wrong. */
    public enum Kind {
        /** The entry's fields no longer match its leaf hash, or its leaf hash no longer its seal. */
        EDITED,
        /** The entry is missing: a hole in the sequence, or entries a signed head covers are gone. */
        DELETED,
        /** An extra entry was slipped in: a later document repeats this sequence number. */
        INSERTED,
        /** The entry sits at the wrong position: it was swapped with the entry it claims to be. */
        REORDERED,
        /** A stored tree head is not signed by the hub's key (forged or altered). */
        TREE_HEAD_SIGNATURE_INVALID,
        /** The entries under a validly signed tree head no longer hash to its root. */
        TREE_HEAD_ROOT_MISMATCH
    }
}
