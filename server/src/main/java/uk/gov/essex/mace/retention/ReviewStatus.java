package uk.gov.essex.mace.retention;

/** Where a case due for erasure is in its review. */
public enum ReviewStatus {
    /** Its schedule has run out; nobody has proposed erasure yet. */
    DUE,
    /** Under legal hold: not erased whatever its schedule, until the hold is lifted. */
    HELD,
    /** Proposed for erasure; waiting for a second person's approval. */
    PROPOSED,
    /** Approved and being erased (resumed by the next evaluation if interrupted). */
    ERASING
}
