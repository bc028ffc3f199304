package uk.gov.essex.mace.intel;

import java.util.Optional;

/**
 * Published after an item was shared, edited or withdrawn and audited: for live fan-out and the
 * MACE criteria. Listeners project the item per viewer. The writer hands over the item as it stored
 * it ({@code stored}), so the feed need not read back what was just written; an event announced
 * without it (null) leaves the listener to read the item's current revision.
 */
public record IntelShared(String caseId, String itemId, int revision, Change change, ItemViews.ItemView stored) {

    /** An announcement by ids alone: listeners read the item. */
    public IntelShared(String caseId, String itemId, int revision, Change change) {
        this(caseId, itemId, revision, change, null);
    }

    /** The item as the write left it, if the writer handed it over. */
    public Optional<ItemViews.ItemView> storedItem() {
        return Optional.ofNullable(stored);
    }

    /** What happened to the item. */
    public enum Change { SHARED, EDITED, WITHDRAWN }
}
