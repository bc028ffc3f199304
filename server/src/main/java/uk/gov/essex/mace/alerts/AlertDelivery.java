package uk.gov.essex.mace.alerts;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.live.LiveDelivery;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/**
 * Delivers an alert, and every later change to it, to the connected sessions whose principal may
 * read it: the coordinators and chair of the case's quadrant and the staff of its member agencies,
 * as the policy decision point says at the moment of delivery. The recipients are audited before
 * anything is sent.
 */
@Component
class AlertDelivery {

    static final String QUEUE = "/queue/alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

    private final LiveDelivery live;
    private final PolicyDecisionPoint policy;
    private final CaseLookup cases;
    private final AuditTrail audit;

    AlertDelivery(LiveDelivery live, PolicyDecisionPoint policy, CaseLookup cases, AuditTrail audit) {
        this.live = live;
        this.policy = policy;
        this.cases = cases;
        this.audit = audit;
    }

    void deliver(Alert alert) {
        cases.facts(alert.caseId()).ifPresent(facts -> deliver(alert, facts));
    }

    void deliver(Alert alert, CaseFacts facts) {
        LiveDelivery.Recipients recipients = live.recipients(QUEUE, who -> policy.permits(who, Action.ALERT_READ, facts));
        if (recipients.subjects().isEmpty()) {
            return;
        }
        audit.append(new AuditEvent(null, "alert.delivered", List.of(alert.caseId(), alert.id()),
                AuditEvent.Outcome.SUCCESS, Map.of("status", alert.status().name(),
                        "recipients", String.join(",", recipients.subjects().stream().distinct().sorted().toList()))));
        try {
            recipients.send(AlertResponse.of(alert));
        } catch (RuntimeException e) {
            log.warn("Live delivery of alert {} failed; it stays available over HTTP", alert.id(), e);
        }
    }
}
