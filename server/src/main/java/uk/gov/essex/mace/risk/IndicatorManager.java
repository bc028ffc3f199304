package uk.gov.essex.mace.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/** Records and lists a case's exploitation indicators; any member agency may record one. */
@Service
class IndicatorManager {

    private static final String RECORD = "risk.indicator.record";
    private static final String READ = "risk.indicator.read";

    private final CaseRiskStore store;
    private final RiskAccess access;

    IndicatorManager(CaseRiskStore store, RiskAccess access) {
        this.store = store;
        this.access = access;
    }

    IndicatorResponse record(HubPrincipal who, String caseId, RecordIndicatorRequest request) {
        access.authorise(who, caseId, Action.RISK_RECORD, RECORD);
        if (request.observedOn().isAfter(access.today())) {
            throw access.rejected(who, caseId, RECORD, new InvalidRequestProblem("future-observation",
                    "The indicator's date is in the future.", Map.of("observedOn", "in the future")));
        }
        StoredIndicator added = new StoredIndicator(UUID.randomUUID().toString(), request.indicator(),
                request.observedOn(), request.sourceNote().strip(), who.subject(), who.agencyId(), access.now());
        CaseRiskRecord after = store.update(caseId, r -> r.withIndicator(added));
        access.auditOrUndo(AuditEvent.of(who, RECORD, AuditEvent.Outcome.SUCCESS, caseId, added.id())
                        .with("indicator", added.indicator().name()),
                () -> store.update(caseId, r -> r.withoutIndicator(added.id())));
        access.changed(who, after, "indicator");
        return IndicatorResponse.of(caseId, added);
    }

    List<IndicatorResponse> list(HubPrincipal who, String caseId) {
        access.authorise(who, caseId, Action.CASE_READ, READ);
        List<IndicatorResponse> all = store.find(caseId).map(CaseRiskRecord::indicators).orElse(List.of()).stream()
                .sorted(Comparator.comparing(StoredIndicator::observedOn).thenComparing(StoredIndicator::recordedAt)
                        .reversed())
                .map(i -> IndicatorResponse.of(caseId, i))
                .toList();
        access.audited(AuditEvent.of(who, READ, AuditEvent.Outcome.SUCCESS, caseId)
                .with("count", Integer.toString(all.size())));
        return all;
    }
}
