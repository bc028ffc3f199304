package uk.gov.essex.mace.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.cluster.SingletonWork;

/**
 * Escalates MACE alerts nobody has acknowledged within {@code hub.mace.acknowledge-within} (24h)
 * to the quadrant's chair: marks them escalated (once, by a conditional update, so several
 * instances never escalate one alert twice; the schedule itself runs only on the instance
 * holding the cluster lease), audits, and delivers the escalated alert, which the
 * chair's sessions receive along with everyone else who may see it.
 */
@Component
class AlertEscalation {

    private final Alerts alerts;
    private final AlertDelivery delivery;
    private final AuditTrail audit;
    private final MaceProperties properties;
    private final Clock clock;
    private final SingletonWork once;

    AlertEscalation(Alerts alerts, AlertDelivery delivery, AuditTrail audit, MaceProperties properties, Clock clock,
            SingletonWork once) {
        this.alerts = alerts;
        this.delivery = delivery;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.once = once;
    }

    @Scheduled(cron = "${hub.mace.escalation-cron:" + MaceProperties.ESCALATION_CRON + "}")
    void scheduled() {
        once.runIfHolder("alert escalation", this::escalateOverdue);
    }

    /** Escalates every overdue alert; returns the ids this call escalated. */
    List<String> escalateOverdue() {
        Instant now = clock.instant();
        return alerts.dueForEscalation(now.minus(properties.acknowledgeWithin())).stream()
                .flatMap(due -> alerts.markEscalated(due.id(), now).stream())
                .map(escalated -> {
                    try {
                        audit.append(AuditEvent.of(null, "alert.escalated", AuditEvent.Outcome.SUCCESS,
                                escalated.caseId(), escalated.id()).with("to", "chair:" + escalated.quadrant().name()));
                    } catch (AuditUnavailableException e) {
                        alerts.transition(escalated.id(), List.of(AlertStatus.OPEN), new Update().unset("escalatedAt"));
                        throw e;
                    }
                    delivery.deliver(escalated);
                    return escalated.id();
                })
                .toList();
    }
}
