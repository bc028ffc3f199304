package uk.gov.essex.mace.risk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/** Records and reads Risk in the Community Record assessments: append-only, never edited. */
@Service
class AssessmentManager {

    private static final String RECORD = "risk.assessment.record";
    private static final String READ = "risk.assessment.read";

    private final CaseRiskStore store;
    private final RiskAccess access;

    AssessmentManager(CaseRiskStore store, RiskAccess access) {
        this.store = store;
        this.access = access;
    }

    AssessmentResponse record(HubPrincipal who, String caseId, RecordAssessmentRequest request) {
        access.authorise(who, caseId, Action.RISK_RECORD, RECORD);
        if (request.assessedOn().isAfter(access.today())) {
            throw access.rejected(who, caseId, RECORD, new InvalidRequestProblem("future-assessment",
                    "The assessment date is in the future.", Map.of("assessedOn", "in the future")));
        }
        if (!request.nextReviewOn().isAfter(request.assessedOn())) {
            throw access.rejected(who, caseId, RECORD, new InvalidRequestProblem("invalid-review-date",
                    "The next review date must be after the assessment date.", Map.of("nextReviewOn", "not after assessedOn")));
        }
        StoredAssessment added = new StoredAssessment(UUID.randomUUID().toString(), request.level(),
                request.exploitationType(), request.knownToBeExploited(), request.assessedOn(), request.nextReviewOn(),
                who.subject(), who.agencyId(), access.now());
        CaseRiskRecord after = store.update(caseId, r -> r.withAssessment(added));
        access.auditOrUndo(AuditEvent.of(who, RECORD, AuditEvent.Outcome.SUCCESS, caseId, added.id()),
                () -> store.update(caseId, r -> r.withoutAssessment(added.id())));
        access.changed(who, after, "assessment");
        boolean current = after.currentAssessment().map(a -> a.id().equals(added.id())).orElse(false);
        return AssessmentResponse.of(caseId, added, current);
    }

    AssessmentHistoryResponse read(HubPrincipal who, String caseId) {
        access.authorise(who, caseId, Action.CASE_READ, READ);
        CaseRiskRecord record = store.find(caseId).orElseGet(() -> CaseRiskRecord.empty(caseId));
        Optional<StoredAssessment> current = record.currentAssessment();
        List<AssessmentResponse> history = record.assessments().stream()
                .sorted(StoredAssessment.CURRENCY.reversed())
                .map(a -> AssessmentResponse.of(caseId, a, current.map(c -> c.id().equals(a.id())).orElse(false)))
                .toList();
        access.audited(AuditEvent.of(who, READ, AuditEvent.Outcome.SUCCESS, caseId)
                .with("count", Integer.toString(history.size())));
        return new AssessmentHistoryResponse(history.isEmpty() ? null : history.get(0), history);
    }
}
