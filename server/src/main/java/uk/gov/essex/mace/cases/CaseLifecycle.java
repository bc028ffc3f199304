package uk.gov.essex.mace.cases;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Closes and reopens cases. Closing records when, by whom and why (a code); the closure date is
 * what retention schedules count from, and reopening stops that clock. Each change is one
 * conditional update on the expected status, its audit entry written before it, undone if the two
 * cannot be made durable.
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
        Supplier<ConflictProblem> closed = () -> conflict(who, caseId, "case.close", "already-closed", "The case is already closed.");
        if (before.status() != CaseStatus.OPEN) {
            throw closed.get(); // known before any entry is written; a race after it is caught by the update
        }
        StoredCase after = changed(AuditEvent.of(who, "case.close", AuditEvent.Outcome.SUCCESS, caseId)
                .with("reason", request.reason().name()), before,
                () -> cases.close(caseId, clock.instant(), who.subject(), request.reason()), closed);
        return projection.response(after);
    }

    CaseResponse reopen(HubPrincipal who, String caseId) {
        StoredCase before = existing(who, caseId, "case.reopen");
        policy.check(who, Action.CASE_CLOSE, CaseProjection.facts(before));
        Supplier<ConflictProblem> notClosed = () -> conflict(who, caseId, "case.reopen", "not-closed", "The case is not closed.");
        if (before.status() != CaseStatus.CLOSED) {
            throw notClosed.get();
        }
        StoredCase after = changed(AuditEvent.of(who, "case.reopen", AuditEvent.Outcome.SUCCESS, caseId), before,
                () -> cases.reopen(caseId, before.closedAt()), notClosed);
        return projection.response(after);
    }

    /**
     * A change of status with its entry written first: a kill between the two leaves at worst an
     * entry for a change not made, never a change nobody audited. When the conditional update
     * finds the status already changed (a race after the check above), {@code refused} appends the
     * entry that says so and is thrown.
     */
    private StoredCase changed(AuditEvent entry, StoredCase before, Supplier<Optional<StoredCase>> change,
            Supplier<ConflictProblem> refused) {
        Optional<StoredCase> after = audit.appendBeforeChange(entry, change, applied -> cases.restoreStatus(before, applied));
        return after.orElseThrow(refused);
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
