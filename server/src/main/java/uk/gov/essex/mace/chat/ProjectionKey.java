package uk.gov.essex.mace.chat;

import java.util.List;
import uk.gov.essex.mace.policy.Visibility;

/**
 * Everything a viewer's projection of one item depends on: what they may see of the item's label
 * and, when they see the item in full, of each restricted segment's label. Viewers with equal keys
 * receive byte-for-byte the same projection, so it is built once for all of them.
 *
 * @param item the viewer's visibility of the item's label
 * @param segments their visibility of each segment label, in text order; empty unless {@code item} is FULL
 */
record ProjectionKey(Visibility item, List<Visibility> segments) {

    ProjectionKey {
        segments = item == Visibility.FULL ? List.copyOf(segments) : List.of();
    }

    /** Whether the viewer may know the item exists at all. */
    boolean visible() {
        return item != Visibility.NOTHING;
    }
}
