package uk.gov.essex.mace.risk;

import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;

/**
 * Which indicators may be counted in anything other readers of the case see (the review prompt,
 * alerts, a subject access export's count, the Part 2 profile): those under a label whose rule
 * for others is a placeholder. An indicator under a label that withholds even its existence
 * (police source protection) is left out of all of them, as an intelligence item under it is left
 * out of the profile's hotspots. A label no longer configured counts as withholding.
 */
@Component
class CountableLabels implements Predicate<String> {

    private final Labels labels;

    CountableLabels(Labels labels) {
        this.labels = labels;
    }

    @Override
    public boolean test(String labelId) {
        return labels.find(labelId).map(l -> l.withheld() != HandlingLabel.Withheld.NOTHING).orElse(false);
    }
}
