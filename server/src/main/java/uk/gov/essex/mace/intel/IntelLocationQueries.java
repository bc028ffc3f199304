package uk.gov.essex.mace.intel;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;

/** {@link IntelLocations}: reads only the routing fields and the sealed location of each current revision. */
@Component
class IntelLocationQueries implements IntelLocations {

    private final IntelItems items;
    private final IntelContent content;
    private final Set<String> countable;

    IntelLocationQueries(IntelItems items, IntelContent content, Labels labels) {
        this.items = items;
        this.content = content;
        this.countable = labels.all().stream().filter(l -> l.withheld() != HandlingLabel.Withheld.NOTHING)
                .map(HandlingLabel::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void forEach(Collection<String> caseIds, Instant from, Instant to, Consumer<ObservedPlace> consumer) {
        items.locations(caseIds, from, to, item -> {
            if (!countable.contains(item.label())) {
                return;
            }
            Place place = content.openPlace(item.caseId(), item.id(), item.revision(), item.locationSealed());
            consumer.accept(new ObservedPlace(item.observedAt(), place.placeName(), place.postcode(), place.district()));
        });
    }
}
