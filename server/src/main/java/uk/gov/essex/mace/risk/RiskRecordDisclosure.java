package uk.gov.essex.mace.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/** {@link RiskDisclosure} from the case's one risk document, through the API's own projections. */
@Component
class RiskRecordDisclosure implements RiskDisclosure {

    private final CaseRiskStore store;
    private final IndicatorProjection indicators;
    private final PolicyDecisionPoint policy;

    RiskRecordDisclosure(CaseRiskStore store, IndicatorProjection indicators, PolicyDecisionPoint policy) {
        this.store = store;
        this.indicators = indicators;
        this.policy = policy;
    }

    @Override
    public Disclosed disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld) {
        String caseId = facts.caseId();
        if (!policy.permits(who, Action.CASE_READ, facts)) {
            return new Disclosed(List.of(), List.of(), List.of());
        }
        CaseRiskRecord record = store.find(caseId).orElseGet(() -> CaseRiskRecord.empty(caseId));
        Optional<StoredAssessment> current = record.currentAssessment();
        List<AssessmentResponse> assessments = record.assessments().stream()
                .sorted(StoredAssessment.CURRENCY.reversed())
                .map(a -> AssessmentResponse.of(caseId, a, current.map(c -> c.id().equals(a.id())).orElse(false)))
                .toList();
        List<MissingEpisodeHistoryResponse> episodes = record.episodes().stream()
                .sorted(Comparator.comparing((StoredEpisode e) -> e.current().startedAt()).thenComparing(StoredEpisode::id))
                .map(e -> new MissingEpisodeHistoryResponse(MissingEpisodeResponse.of(caseId, e.id(), e.current()),
                        e.versions().stream().map(v -> MissingEpisodeResponse.of(caseId, e.id(), v)).toList()))
                .toList();
        List<IndicatorResponse> visible = record.indicators().stream()
                .sorted(Comparator.comparing(StoredIndicator::recordedAt).thenComparing(StoredIndicator::id))
                .map(i -> indicators.project(who, facts, i, alsoWithheld))
                .flatMap(Optional::stream)
                .toList();
        return new Disclosed(assessments, episodes, visible);
    }
}
