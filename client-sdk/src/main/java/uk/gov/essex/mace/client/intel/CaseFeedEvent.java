package uk.gov.essex.mace.client.intel;

/**
 * One event on a case's live feed: what happened to an item, and the item as it now stands, as
 * the hub projected it for the caller (the same projection {@code IntelClient.get} returns: a
 * placeholder with {@link IntelItem#withheld()} set when the caller may not read it).
 *
 * <p>An item the SDK caught up after a dropped connection arrives in its current state, with the
 * change that state implies: {@code SHARED} at revision 1, {@code EDITED} after, {@code WITHDRAWN}
 * once withdrawn. An event older than one already delivered for the same item (two changes made
 * at the same moment can arrive in either order) is dropped, so the last event about an item
 * shows where it stands.
 *
 * @param change what happened
 * @param item the item after the change
 */
public record CaseFeedEvent(Change change, IntelItem item) {

    /** What happened to the item. */
    public enum Change {
        /** Shared on the case. */
        SHARED,
        /** Revised by its author (a new revision). */
        EDITED,
        /** Withdrawn by its author (same revision, status {@code WITHDRAWN}). */
        WITHDRAWN
    }

    /** The event implied by an item's current state, for items fetched over REST. */
    static CaseFeedEvent caughtUp(IntelItem item) {
        Change change = "WITHDRAWN".equals(item.status()) ? Change.WITHDRAWN
                : item.revision() > 1 ? Change.EDITED : Change.SHARED;
        return new CaseFeedEvent(change, item);
    }

    /**
     * The item's state: id, revision and whether withdrawn. Two events with one state key are the
     * same event; a withdrawal keeps the revision, so the revision alone would not tell it apart.
     */
    public String stateKey() {
        return item.id() + "#" + item.revision() + "#" + ("WITHDRAWN".equals(item.status()) ? "withdrawn" : "live");
    }

    @Override
    public String toString() {
        return "CaseFeedEvent[" + change + " " + item + "]";
    }
}
