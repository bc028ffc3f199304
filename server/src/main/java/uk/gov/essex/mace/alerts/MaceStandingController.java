package uk.gov.essex.mace.alerts;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.NotFoundProblem;

/** A case's standing against the MACE criteria, with its history of entering and leaving them. */
@RestController
class MaceStandingController {

    private final CriteriaStatuses statuses;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;

    MaceStandingController(CriteriaStatuses statuses, CaseLookup cases, PolicyDecisionPoint policy, AuditTrail audit) {
        this.statuses = statuses;
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
    }

    /** Readable by whoever may read the case (as its alerts are); a case never evaluated has an empty history. */
    @GetMapping("/api/cases/{caseId}/mace-standing")
    MaceStandingResponse standing(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, "mace.standing.read", AuditEvent.Outcome.REJECTED, caseId)
                    .with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, Action.ALERT_READ, facts);
        MaceStandingResponse standing = MaceStandingResponse.of(
                statuses.find(caseId).orElseGet(() -> CriteriaStatus.none(caseId)));
        audit.append(AuditEvent.of(who, "mace.standing.read", AuditEvent.Outcome.SUCCESS, caseId)
                .with("changes", Integer.toString(standing.history().size())));
        return standing;
    }
}
