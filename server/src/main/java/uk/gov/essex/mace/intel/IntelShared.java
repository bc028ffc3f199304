package uk.gov.essex.mace.intel;

import java.util.Optional;

/**
 * Published after an item was shared, edited or withdrawn, stored and audited: for live fan-out.
 * Carries the ids, and the item as this change stored it so that a listener need not read it
 * back; listeners project it per viewer. The item's label never changes and a revision's content
 * is never rewritten, so the stored item stays what this change made; a later change is announced
 * after it. What may change meanwhile is who may see the case: listeners decide that afresh.
 *
 * @param stored the item as this change stored it, or null when the publisher does not have it
 *     (listeners then read the current revision)
 */
public record IntelShared(String caseId, String itemId, int revision, Change change, ItemViews.ItemView stored) {

    /** An announcement without the stored item: listeners read the current revision. */
    public IntelShared(String caseId, String itemId, int revision, Change change) {
        this(caseId, itemId, revision, change, null);
    }

    /** The item as this change stored it, when the publisher had it. */
    public Optional<ItemViews.ItemView> item() {
        return Optional.ofNullable(stored);
    }

    /** What happened to the item. */
    public enum Change { SHARED, EDITED, WITHDRAWN }
}
