package uk.gov.essex.mace.risk;

import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@link RiskActivities} over the stored case documents. */
@Component
class RiskActivityQueries implements RiskActivities {

    private final CaseRiskStore store;
    private final CountableLabels countable;

    RiskActivityQueries(CaseRiskStore store, CountableLabels countable) {
        this.store = store;
        this.countable = countable;
    }

    @Override
    public void forEach(Collection<String> caseIds, Consumer<RiskActivity> consumer) {
        store.forEach(caseIds, record -> consumer.accept(activity(record)));
    }

    private RiskActivity activity(CaseRiskRecord record) {
        return new RiskActivity(record.caseId(),
                record.episodes().stream().map(StoredEpisode::current).filter(v -> !v.deleted())
                        .map(v -> new RiskActivity.Episode(v.startedAt(), v.whereFound())).toList(),
                record.indicators().stream().filter(i -> countable.test(i.label()))
                        .map(i -> new RiskActivity.Indicator(i.indicator(), i.observedOn())).toList());
    }
}
