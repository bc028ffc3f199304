package uk.gov.essex.mace.alerts;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/** A case's alert history as lawful handling needs it: whether it went to MACE, subject access, and erasure. */
@Component
class AlertCaseRecords implements MaceHistory, AlertDisclosure, AlertErasure {

    private static final List<AlertReason> MACE_REASONS =
            Arrays.stream(AlertReason.values()).filter(AlertReason::maceCriterion).toList();

    private final Alerts alerts;
    private final CriteriaStatuses statuses;
    private final PolicyDecisionPoint policy;

    AlertCaseRecords(Alerts alerts, CriteriaStatuses statuses, PolicyDecisionPoint policy) {
        this.alerts = alerts;
        this.statuses = statuses;
        this.policy = policy;
    }

    @Override
    public boolean wentToMace(String caseId) {
        return alerts.anyFor(caseId, MACE_REASONS);
    }

    @Override
    public List<AlertResponse> disclose(HubPrincipal who, CaseFacts facts) {
        if (!policy.permits(who, Action.ALERT_READ, facts)) {
            return List.of();
        }
        return alerts.forCase(facts.caseId()).stream().map(AlertResponse::of).toList();
    }

    @Override
    public int eraseCase(String caseId) {
        statuses.delete(caseId);
        return Math.toIntExact(alerts.deleteCase(caseId));
    }
}
