package uk.gov.essex.mace.retention;

/** Where a case, or a month of disruption updates, due for erasure is in its review. */
public enum ReviewStatus {
    /** Its schedule has run out; nobody has proposed erasure yet. */
    DUE,
    /** Under legal hold: not erased whatever its schedule, until the hold is lifted. */
    HELD,
    /** Proposed for erasure; waiting for a second person's approval. */
    PROPOSED,
    /** Approved and being erased (resumed by the next evaluation if interrupted). */
    ERASING;

    /** The problem slug of a step refused because the review is in this status rather than another. */
    String conflictSlug() {
        return switch (this) {
            case HELD -> "legal-hold";
            case PROPOSED -> "already-proposed";
            case ERASING -> "erasure-in-progress";
            case DUE -> "not-proposed";
        };
    }
}
