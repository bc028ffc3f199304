package uk.gov.essex.mace.intel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;

/** {@link ItemViews} over the {@code intel_items} collection and {@link IntelProjection}. */
@Component
class StoredItemViews implements ItemViews {

    private final IntelItems items;
    private final IntelProjection projection;

    StoredItemViews(IntelItems items, IntelProjection projection) {
        this.items = items;
        this.projection = projection;
    }

    @Override
    public Optional<ItemView> current(String caseId, String itemId) {
        return items.find(caseId, itemId).map(this::view);
    }

    @Override
    public List<ItemView> after(String caseId, long afterSeq, int limit) {
        return items.after(caseId, afterSeq, limit).stream().map(this::view).toList();
    }

    private ItemView view(StoredIntel item) {
        return view(item, projection);
    }

    /** The stored item, ready to be projected for any number of viewers through {@code projection}. */
    static ItemView view(StoredIntel item, IntelProjection projection) {
        List<String> segmentLabels = item.current().parts().stream()
                .map(StoredIntel.Part::label).filter(Objects::nonNull).toList();
        return new ItemView() {
            @Override
            public String id() {
                return item.id();
            }

            @Override
            public long seq() {
                return item.seq();
            }

            @Override
            public String label() {
                return item.label();
            }

            @Override
            public List<String> segmentLabels() {
                return segmentLabels;
            }

            @Override
            public Optional<IntelItemResponse> projectFor(HubPrincipal viewer, CaseFacts facts) {
                return projection.project(viewer, facts, item);
            }
        };
    }
}
