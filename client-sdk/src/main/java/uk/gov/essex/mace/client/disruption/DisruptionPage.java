package uk.gov.essex.mace.client.disruption;

import java.util.List;

/**
 * One page of disruption updates, newest first. There is no total: a count could reveal updates
 * the caller may not know exist.
 *
 * @param items the updates the caller may see
 * @param nextBefore an opaque cursor: pass it as {@code before} for the next (older) page; null on
 *     the last page. Do not parse it or make one up.
 */
public record DisruptionPage(List<DisruptionUpdate> items, String nextBefore) {

    public DisruptionPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
