package uk.gov.essex.mace.client.intel;

import java.util.List;

/**
 * One page of a case's timeline, newest first.
 *
 * @param items the items the caller may see
 * @param nextBefore pass as {@code before} for the next (older) page; null at the beginning of the case
 */
public record IntelPage(List<IntelItem> items, Long nextBefore) {

    public IntelPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
