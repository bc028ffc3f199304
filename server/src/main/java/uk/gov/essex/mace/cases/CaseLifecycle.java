package uk.gov.essex.mace.cases;

import java.time.Clock;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Closes and reopens cases. Closing records when, by whom and why (a code); the closure date is
 * what retention schedules count from, and reopening stops that clock. Each change is one
 * conditional update on the expected status, audited, undone if the trail is down.
 */
@Service
class CaseLifecycle {

    private final Cases cases;
    private final CaseProjection projection;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    CaseLifecycle(Cases cases, CaseProjection projection, PolicyDecisionPoint policy, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.projection = projection;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    CaseResponse close(HubPrincipal who, String caseId, CloseCaseRequest request) {
        StoredCase before = existing(who, caseId, "case.close");
        policy.check(who, Action.CASE_CLOSE, CaseProjection.facts(before));
        StoredCase after = cases.close(caseId, clock.instant(), who.subject(), request.reason())
                .orElseThrow(() -> conflict(who, caseId, "case.close", "already-closed", "The case is already closed."));
        audited(AuditEvent.of(who, "case.close", AuditEvent.Outcome.SUCCESS, caseId).with("reason", request.reason().name()), before);
        return projection.response(after);
    }

    CaseResponse reopen(HubPrincipal who, String caseId) {
        StoredCase before = existing(who, caseId, "case.reopen");
        policy.check(who, Action.CASE_CLOSE, CaseProjection.facts(before));
        StoredCase after = cases.reopen(caseId)
                .orElseThrow(() -> conflict(who, caseId, "case.reopen", "not-closed", "The case is not closed."));
        audited(AuditEvent.of(who, "case.reopen", AuditEvent.Outcome.SUCCESS, caseId), before);
        return projection.response(after);
    }

    private void audited(AuditEvent event, StoredCase before) {
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            cases.restoreStatus(before);
            throw e;
        }
    }

    private ConflictProblem conflict(HubPrincipal who, String caseId, String action, String slug, String message) {
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", slug));
        return new ConflictProblem(slug, message);
    }

    private StoredCase existing(HubPrincipal who, String caseId, String action) {
        return cases.find(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
    }
}
