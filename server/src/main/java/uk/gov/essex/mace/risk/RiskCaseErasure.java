package uk.gov.essex.mace.risk;

import org.springframework.stereotype.Component;

/** {@link RiskErasure} over the {@code case_risk} collection: the case's one document goes. */
@Component
class RiskCaseErasure implements RiskErasure {

    private final CaseRiskStore store;

    RiskCaseErasure(CaseRiskStore store) {
        this.store = store;
    }

    @Override
    public int eraseCase(String caseId) {
        return store.delete(caseId);
    }
}
