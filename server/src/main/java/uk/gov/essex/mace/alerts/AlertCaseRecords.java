package uk.gov.essex.mace.alerts;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** A case's alert history as lawful handling needs it: whether it went to MACE, and erasure. */
@Component
class AlertCaseRecords implements MaceHistory, AlertErasure {

    private static final List<AlertReason> MACE_REASONS =
            Arrays.stream(AlertReason.values()).filter(AlertReason::maceCriterion).toList();

    private final Alerts alerts;
    private final CriteriaStatuses statuses;

    AlertCaseRecords(Alerts alerts, CriteriaStatuses statuses) {
        this.alerts = alerts;
        this.statuses = statuses;
    }

    @Override
    public boolean wentToMace(String caseId) {
        return alerts.anyFor(caseId, MACE_REASONS);
    }

    @Override
    public int eraseCase(String caseId) {
        statuses.delete(caseId);
        return Math.toIntExact(alerts.deleteCase(caseId));
    }
}
