package uk.gov.essex.mace.client.intel;

import java.util.List;

/**
 * One page of a case's timeline: newest first when paging back, oldest first when catching up.
 * Cursors are opaque strings.
 *
 * @param items the items the caller may see
 * @param nextBefore pass as {@code before} for the next (older) page; null at the beginning of the case
 * @param nextAfter pass as {@code after} for the next (newer) page when catching up; null when caught up
 */
public record IntelPage(List<IntelItem> items, String nextBefore, String nextAfter) {

    public IntelPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
