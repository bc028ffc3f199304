package uk.gov.essex.mace.risk;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** {@link RiskRecords} over the stored case documents. */
@Component
class RiskSnapshots implements RiskRecords {

    private final CaseRiskStore store;
    private final CountableLabels countable;

    RiskSnapshots(CaseRiskStore store, CountableLabels countable) {
        this.store = store;
        this.countable = countable;
    }

    @Override
    public Optional<RiskSnapshot> snapshot(String caseId) {
        return store.find(caseId).map(r -> r.snapshot(countable));
    }

    @Override
    public void forEachSnapshot(Consumer<RiskSnapshot> consumer) {
        store.forEach(record -> consumer.accept(record.snapshot(countable)));
    }
}
