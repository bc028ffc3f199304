package uk.gov.essex.mace.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.intel.IntelItemResponse;
import uk.gov.essex.mace.intel.ItemViews.ItemView;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.Visibility;

/**
 * The projections of one item for the viewers connected to its case, grouped by
 * {@link ProjectionKey}: each distinct projection is built (and its withheld parts left sealed)
 * once, serialised once, and the same bytes go to every viewer of its group. A viewer whose key
 * says NOTHING gets no projection and no message. Used by one thread, for one item.
 */
final class ProjectionGroups {

    /** What a viewer may see of content under a label on the case (the policy decision point's rule). */
    @FunctionalInterface
    interface VisibilityRule {
        Visibility of(HubPrincipal viewer, CaseFacts facts, String labelId);
    }

    private final ItemView item;
    private final CaseFacts facts;
    private final VisibilityRule visibility;
    private final Function<IntelItemResponse, byte[]> serialiser;
    private final Map<HubPrincipal, ProjectionKey> keys = new HashMap<>();
    private final Map<ProjectionKey, Optional<byte[]>> payloads = new HashMap<>();

    ProjectionGroups(ItemView item, CaseFacts facts, VisibilityRule visibility,
            Function<IntelItemResponse, byte[]> serialiser) {
        this.item = item;
        this.facts = facts;
        this.visibility = visibility;
        this.serialiser = serialiser;
    }

    /** The viewer's group. */
    ProjectionKey keyOf(HubPrincipal viewer) {
        return keys.computeIfAbsent(viewer, v -> {
            Visibility ofItem = visibility.of(v, facts, item.label());
            List<Visibility> ofSegments = ofItem != Visibility.FULL ? List.of()
                    : item.segmentLabels().stream().map(label -> visibility.of(v, facts, label)).toList();
            return new ProjectionKey(ofItem, ofSegments);
        });
    }

    /** Whether the viewer may learn that the item exists. */
    boolean receives(HubPrincipal viewer) {
        return keyOf(viewer).visible();
    }

    /** The viewer's serialised projection, built on the first request of its group; empty for NOTHING. */
    Optional<byte[]> payloadFor(HubPrincipal viewer) {
        ProjectionKey key = keyOf(viewer);
        if (!key.visible()) {
            return Optional.empty();
        }
        return payloads.computeIfAbsent(key, k -> item.projectFor(viewer, facts).map(serialiser));
    }

    /** How many distinct projections were built. */
    int projections() {
        return payloads.size();
    }
}
