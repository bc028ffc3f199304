package uk.gov.essex.mace.alerts;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.risk.RiskRecords;
import uk.gov.essex.mace.risk.RiskSnapshot;

/**
 * Applies the MACE criteria to one case and stores the outcome, safely under any concurrency:
 * the standing moves only by compare-and-set, never from an older version of the risk records to
 * a newer one's disadvantage, and alerts are raised through {@link AlertRaiser}'s insert-if-absent.
 * Evaluating the same version twice, on one instance or several, changes nothing the second time.
 */
@Component
class CriteriaEvaluator {

    private static final int ATTEMPTS = 50;

    private final RiskRecords risk;
    private final MaceCriteria criteria;
    private final CriteriaStatuses statuses;
    private final AlertRaiser raiser;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CriteriaEvaluator(RiskRecords risk, MaceCriteria criteria, CriteriaStatuses statuses, AlertRaiser raiser,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.risk = risk;
        this.criteria = criteria;
        this.statuses = statuses;
        this.raiser = raiser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What one evaluation did. */
    record Outcome(boolean changed, CriteriaStatus status, Set<AlertReason> entered, Set<AlertReason> left, int raised) {

        static Outcome unchanged(CriteriaStatus status, int raised) {
            return new Outcome(false, status, Set.of(), Set.of(), raised);
        }
    }

    /** Evaluates one case from its current risk records (after a write to them). */
    Outcome evaluate(String caseId, Trigger trigger) {
        Optional<RiskSnapshot> snapshot = risk.snapshot(caseId);
        CriteriaStatus known = statuses.find(caseId).orElseGet(() -> CriteriaStatus.none(caseId));
        return snapshot.map(s -> apply(s, known, trigger, raiser::exists, true))
                .orElseGet(() -> Outcome.unchanged(known, 0));
    }

    /**
     * Applies the criteria to {@code snapshot}, starting from the standing believed current.
     *
     * @param known the standing as last read (re-read if another evaluator changed it since)
     * @param alertKnown says whether an alert id exists already, to skip inserting it
     * @param storeFirstUnmet store a standing for a case never evaluated that meets nothing; the
     *     incremental path does, so a later, older evaluation can never overwrite it
     */
    Outcome apply(RiskSnapshot snapshot, CriteriaStatus known, Trigger trigger, Predicate<String> alertKnown,
            boolean storeFirstUnmet) {
        Set<AlertReason> met = criteria.evaluate(snapshot);
        String settings = criteria.fingerprint();
        CriteriaStatus before = known;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (before.isCurrentFor(snapshot.version(), settings) || (before.rev() == 0 && met.isEmpty() && !storeFirstUnmet)) {
                return Outcome.unchanged(before, raiser.ensure(before, trigger, alertKnown));
            }
            CriteriaStatus.Transition transition = before.next(met, snapshot.version(), settings, clock.instant(),
                    trigger.cause());
            Optional<CriteriaStatus> stored = statuses.compareAndSet(before, transition.after());
            if (stored.isPresent()) {
                recordChange(before, stored.get(), transition, trigger);
                int raised = raiser.ensure(stored.get(), trigger, alertKnown);
                return new Outcome(true, stored.get(), transition.entered(), transition.left(), raised);
            }
            before = statuses.find(snapshot.caseId()).orElseGet(() -> CriteriaStatus.none(snapshot.caseId()));
        }
        throw new IllegalStateException("the criteria standing of a case kept changing under evaluation");
    }

    /** Audits and announces entering and leaving; if the trail is down, puts the standing back. */
    private void recordChange(CriteriaStatus before, CriteriaStatus stored, CriteriaStatus.Transition transition,
            Trigger trigger) {
        if (transition.entered().isEmpty() && transition.left().isEmpty()) {
            return;
        }
        try {
            for (AlertReason reason : transition.entered()) {
                audit.append(AuditEvent.of(null, "mace.criteria.entered", AuditEvent.Outcome.SUCCESS, stored.caseId())
                        .with("reason", reason.name()).with("cause", trigger.cause()).with("triggeredBy", trigger.by()));
            }
            for (AlertReason reason : transition.left()) {
                audit.append(AuditEvent.of(null, "mace.criteria.left", AuditEvent.Outcome.SUCCESS, stored.caseId())
                        .with("reason", reason.name()).with("cause", trigger.cause()).with("triggeredBy", trigger.by()));
            }
        } catch (AuditUnavailableException e) {
            CriteriaStatus undone = before.rev() == 0 ? CriteriaStatus.none(before.caseId()) : before;
            statuses.compareAndSet(stored, undone);
            throw e;
        }
        transition.left().forEach(reason -> raiser.criteriaLeft(stored, reason));
        events.publishEvent(new MaceCriteriaChanged(stored.caseId(), transition.entered(), transition.left(),
                stored.inCriteria(), stored.evaluatedAt()));
    }
}
