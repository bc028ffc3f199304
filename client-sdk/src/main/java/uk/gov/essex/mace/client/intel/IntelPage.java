package uk.gov.essex.mace.client.intel;

import java.util.List;

/**
 * One page of a case's timeline, newest first.
 *
 * @param items the items the caller may see
 * @param nextBefore an opaque cursor: pass it as {@code before} for the next (older) page; null at the
 *     beginning of the case. Do not parse it or make one up.
 */
public record IntelPage(List<IntelItem> items, String nextBefore) {

    public IntelPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
