package uk.gov.essex.mace.alerts;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cluster.SingletonWork;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.risk.RiskRecords;

/**
 * The full re-evaluation: every case with risk records, against the standings and alert ids read
 * in bulk first, so a case whose standing is already current costs no database write. It catches
 * what an incremental evaluation missed (a crash between a write and its evaluation, a changed
 * setting). The schedule runs only on the instance holding the cluster lease ({@link SingletonWork});
 * it would still be safe on several instances at once (an administrator's on-demand run may overlap
 * it): it goes through the same compare-and-set and insert-if-absent as the incremental path.
 */
@Component
class CriteriaSweep {

    private static final Logger log = LoggerFactory.getLogger(CriteriaSweep.class);

    private final RiskRecords risk;
    private final CriteriaStatuses statuses;
    private final Alerts alerts;
    private final CriteriaEvaluator evaluator;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final SingletonWork once;

    CriteriaSweep(RiskRecords risk, CriteriaStatuses statuses, Alerts alerts, CriteriaEvaluator evaluator,
            PolicyDecisionPoint policy, AuditTrail audit, SingletonWork once) {
        this.risk = risk;
        this.statuses = statuses;
        this.alerts = alerts;
        this.evaluator = evaluator;
        this.policy = policy;
        this.audit = audit;
        this.once = once;
    }

    /** On demand, by an administrator or a MACE chair. */
    ReEvaluationResponse reEvaluate(HubPrincipal who) {
        policy.check(who, Action.MACE_RE_EVALUATE);
        return run(new Trigger(who, "re-evaluation"));
    }

    @Scheduled(cron = "${hub.mace.re-evaluation-cron:" + MaceProperties.RE_EVALUATION_CRON + "}", zone = "Europe/London")
    void scheduled() {
        once.runIfHolder("scheduled MACE re-evaluation", () -> {
            ReEvaluationResponse result = run(new Trigger(null, "scheduled-re-evaluation"));
            log.info("Scheduled MACE re-evaluation: {}", result);
        });
    }

    ReEvaluationResponse run(Trigger trigger) {
        long started = System.nanoTime();
        Map<String, CriteriaStatus> known = statuses.all();
        Set<String> alertIds = alerts.allIds();
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger inCriteria = new AtomicInteger();
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger left = new AtomicInteger();
        AtomicInteger raised = new AtomicInteger();
        risk.forEachSnapshot(snapshot -> {
            cases.incrementAndGet();
            try {
                CriteriaEvaluator.Outcome outcome = evaluator.apply(snapshot,
                        known.getOrDefault(snapshot.caseId(), CriteriaStatus.none(snapshot.caseId())), trigger,
                        alertIds::contains, false);
                unchanged.addAndGet(outcome.changed() ? 0 : 1);
                inCriteria.addAndGet(outcome.status().inCriteria() ? 1 : 0);
                entered.addAndGet(outcome.entered().size());
                left.addAndGet(outcome.left().size());
                raised.addAndGet(outcome.raised());
            } catch (RuntimeException e) {
                log.error("Re-evaluation of case {} failed; the next run retries it", snapshot.caseId(), e);
            }
        });
        ReEvaluationResponse result = new ReEvaluationResponse(cases.get(), unchanged.get(), inCriteria.get(),
                entered.get(), left.get(), raised.get(), (System.nanoTime() - started) / 1_000_000);
        audit.append(AuditEvent.of(trigger.actor(), "mace.re-evaluation", AuditEvent.Outcome.SUCCESS)
                .with("cases", Integer.toString(result.cases())).with("entered", Integer.toString(result.entered()))
                .with("left", Integer.toString(result.left())).with("raised", Integer.toString(result.alertsRaised())));
        return result;
    }
}
