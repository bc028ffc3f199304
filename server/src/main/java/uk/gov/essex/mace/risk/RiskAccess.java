package uk.gov.essex.mace.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * The steps every risk write and read shares: find the case, ask the policy decision point,
 * audit rejections, undo a change whose audit entry could not be written (fail closed), and tell
 * the rest of the hub once a change is stored and audited.
 */
@Component
class RiskAccess {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RiskAccess(CaseLookup cases, PolicyDecisionPoint policy, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The case's facts once {@code who} is allowed {@code action} on it; 404 and 403 are audited. */
    CaseFacts authorise(HubPrincipal who, String caseId, Action action, String auditAction) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, auditAction, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, action, facts);
        return facts;
    }

    /** Audits a refused request and hands back the problem to throw. */
    <T extends RuntimeException> T rejected(HubPrincipal who, String caseId, String auditAction, T problem) {
        String reason = problem instanceof InvalidRequestProblem invalid ? invalid.slug()
                : problem instanceof ConflictProblem conflict ? conflict.slug()
                : problem.getClass().getSimpleName();
        audit.append(AuditEvent.of(who, auditAction, AuditEvent.Outcome.REJECTED, caseId).with("reason", reason));
        return problem;
    }

    /** Audits a request for a record that does not exist and hands back the 404 to throw. */
    NotFoundProblem notFound(HubPrincipal who, String caseId, String auditAction, String what) {
        audit.append(AuditEvent.of(who, auditAction, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
        return new NotFoundProblem(what);
    }

    /** Appends {@code event}; if that fails, runs {@code undo} and rethrows, so nothing unaudited remains. */
    void auditOrUndo(AuditEvent event, Runnable undo) {
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            undo.run();
            throw e;
        }
    }

    void audited(AuditEvent event) {
        audit.append(event);
    }

    /** Tells listeners (the MACE criteria) that the case's risk records changed. */
    void changed(HubPrincipal who, CaseRiskRecord after, String kind) {
        events.publishEvent(new RiskRecordChanged(after.caseId(), after.version(), kind, who));
    }

    /** Now, at the millisecond precision the store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
