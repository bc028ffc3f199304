package uk.gov.essex.mace.alerts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * Makes sure the alert for every reason a case meets exists: inserted if absent under its
 * deterministic id, so only one caller ever inserts it, and only that caller audits, publishes and
 * delivers it. Run after every evaluation, it also heals a standing stored without its alert.
 */
@Component
class AlertRaiser {

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);

    private final Alerts alerts;
    private final CaseLookup cases;
    private final AlertDelivery delivery;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertRaiser(Alerts alerts, CaseLookup cases, AlertDelivery delivery, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.cases = cases;
        this.delivery = delivery;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    boolean exists(String alertId) {
        return alerts.exists(alertId);
    }

    /** Raises the missing alerts of {@code status}'s active reasons; returns how many this call raised. */
    int ensure(CriteriaStatus status, Trigger trigger, Predicate<String> known) {
        int raised = 0;
        for (AlertReason reason : status.active()) {
            String id = status.alertId(reason);
            if (known.test(id)) {
                continue;
            }
            Optional<CaseFacts> facts = cases.facts(status.caseId());
            if (facts.isEmpty()) {
                log.warn("Case {} meets {} but does not exist; no alert raised", status.caseId(), reason);
                continue;
            }
            Alert alert = Alert.raised(status.caseId(), reason, status.entries(reason), facts.get().quadrant(),
                    clock.instant(), trigger.cause());
            if (!alerts.insertIfAbsent(alert)) {
                continue;
            }
            try {
                audit.append(AuditEvent.of(null, "alert.raised", AuditEvent.Outcome.SUCCESS, alert.caseId(), id)
                        .with("reason", reason.name()).with("cause", trigger.cause()).with("triggeredBy", trigger.by()));
            } catch (AuditUnavailableException e) {
                alerts.delete(id);
                throw e;
            }
            raised++;
            events.publishEvent(new AlertRaised(id, alert.caseId(), reason, alert.quadrant(), alert.raisedAt()));
            delivery.deliver(alert, facts.get());
        }
        return raised;
    }

    /** Notes on the reason's latest alert that the case no longer meets it. */
    void criteriaLeft(CriteriaStatus status, AlertReason reason) {
        alerts.transition(status.alertId(reason),
                        EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.ON_AGENDA),
                        new Update().set("criteriaLeftAt", Alerts.date(clock.instant())))
                .ifPresent(delivery::deliver);
    }
}
