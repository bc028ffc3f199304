package uk.gov.essex.mace.intel;

/**
 * Published after an item was shared, edited or withdrawn and audited: for live fan-out and the
 * MACE criteria. Carries ids only; listeners project the item per viewer.
 */
public record IntelShared(String caseId, String itemId, int revision, Change change) {

    /** What happened to the item. */
    public enum Change { SHARED, EDITED, WITHDRAWN }
}
