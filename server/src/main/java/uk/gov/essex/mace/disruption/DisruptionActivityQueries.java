package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;

/** {@link DisruptionActivity} over the stored updates: opens only the place, never the outcome or text. */
@Component
class DisruptionActivityQueries implements DisruptionActivity {

    private final DisruptionUpdates updates;
    private final DisruptionContent content;
    private final Set<String> countable;

    DisruptionActivityQueries(DisruptionUpdates updates, DisruptionContent content, Labels labels) {
        this.updates = updates;
        this.content = content;
        this.countable = labels.all().stream().filter(l -> l.withheld() != HandlingLabel.Withheld.NOTHING)
                .map(HandlingLabel::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void forEach(Collection<Quadrant> quadrants, LocalDate from, LocalDate to,
            Consumer<Activity> consumer) {
        updates.forEachDated(quadrants, from, to, d -> {
            if (!countable.contains(d.label())) {
                return;
            }
            DisruptionPlace place = content.openPlace(d.keyScope(), d.id(), d.placeSealed(), d.district());
            consumer.accept(new Activity(d.type(), d.district(), d.quadrant(), d.date(), place.premisesName(),
                    place.postcode()));
        });
    }
}
