package uk.gov.essex.mace.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
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
 * Lists alerts through the policy decision point and moves them through their life: acknowledged
 * and closed by the quadrant's coordinators and chair, taken onto a meeting's agenda. Each move
 * is one conditional update on the expected status, audited (undone if the trail is down) and
 * delivered live.
 */
@Service
class AlertManager implements AlertAgenda {

    private static final int MAX_LIST = 500;
    private static final Set<AlertStatus> NOT_CLOSED = EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.ON_AGENDA);

    private final Alerts alerts;
    private final CriteriaStatuses statuses;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AlertDelivery delivery;
    private final AuditTrail audit;
    private final Clock clock;

    AlertManager(Alerts alerts, CriteriaStatuses statuses, CaseLookup cases, PolicyDecisionPoint policy,
            AlertDelivery delivery, AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.statuses = statuses;
        this.cases = cases;
        this.policy = policy;
        this.delivery = delivery;
        this.audit = audit;
        this.clock = clock;
    }

    List<AlertResponse> list(HubPrincipal who, AlertStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidRequestProblem("invalid-limit", "limit must be between 1 and " + MAX_LIST + ".");
        }
        Map<String, Optional<CaseFacts>> facts = new HashMap<>();
        List<Alert> visible = alerts.list(status == null ? NOT_CLOSED : Set.of(status), MAX_LIST * 4).stream()
                .filter(a -> facts.computeIfAbsent(a.caseId(), cases::facts)
                        .map(f -> policy.permits(who, Action.ALERT_READ, f)).orElse(false))
                .limit(limit)
                .toList();
        List<String> ids = visible.stream().map(Alert::id).toList();
        audit.append(new AuditEvent(who, "alert.list", ids, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(ids.size()))));
        return visible.stream().map(AlertResponse::of).toList();
    }

    AlertResponse read(HubPrincipal who, String id) {
        Alert alert = existing(who, id, "alert.read");
        policy.check(who, Action.ALERT_READ, facts(alert));
        audit.append(AuditEvent.of(who, "alert.read", AuditEvent.Outcome.SUCCESS, alert.caseId(), id));
        return AlertResponse.of(alert);
    }

    AlertResponse acknowledge(HubPrincipal who, String id) {
        return move(who, id, "alert.acknowledge", EnumSet.of(AlertStatus.OPEN), AlertStatus.ACKNOWLEDGED,
                new Update().set("status", AlertStatus.ACKNOWLEDGED.name())
                        .set("acknowledgedAt", Alerts.date(clock.instant())).set("acknowledgedBy", who.subject()));
    }

    AlertResponse close(HubPrincipal who, String id) {
        return move(who, id, "alert.close", EnumSet.of(AlertStatus.ACKNOWLEDGED, AlertStatus.ON_AGENDA),
                AlertStatus.CLOSED, new Update().set("status", AlertStatus.CLOSED.name())
                        .set("closedAt", Alerts.date(clock.instant())).set("closedBy", who.subject()));
    }

    @Override
    public List<String> putOnAgenda(HubPrincipal who, String caseId, String meetingId) {
        CriteriaStatus status = statuses.find(caseId).orElse(null);
        if (status == null) {
            return List.of();
        }
        List<String> moved = new ArrayList<>();
        Set<AlertStatus> from = EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
        for (AlertReason reason : AlertReason.values()) {
            for (int entry = 1; reason.maceCriterion() && entry <= status.entries(reason); entry++) {
                Optional<Alert> before = alerts.find(CriteriaStatus.alertId(caseId, reason, entry))
                        .filter(a -> from.contains(a.status()));
                if (before.isEmpty()) {
                    continue;
                }
                Update update = new Update().set("status", AlertStatus.ON_AGENDA.name())
                        .set("onAgendaAt", Alerts.date(clock.instant())).set("meetingId", meetingId);
                alerts.transition(before.get().id(), from, update).ifPresent(alert -> {
                    audited(AuditEvent.of(who, "alert.on-agenda", AuditEvent.Outcome.SUCCESS, caseId, alert.id())
                            .with("meetingId", meetingId), alert.id(), AlertStatus.ON_AGENDA, before.get().status());
                    delivery.deliver(alert);
                    moved.add(alert.id());
                });
            }
        }
        return moved;
    }

    private AlertResponse move(HubPrincipal who, String id, String action, Set<AlertStatus> from, AlertStatus to,
            Update update) {
        Alert alert = existing(who, id, action);
        policy.check(who, Action.ALERT_MANAGE, facts(alert));
        Alert moved = alerts.transition(id, from, update).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, alert.caseId(), id)
                    .with("reason", "status-" + alert.status().name()));
            return new ConflictProblem("alert-status", "The alert is " + alert.status() + "; it cannot become " + to + ".");
        });
        audited(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, alert.caseId(), id), id, to, alert.status());
        delivery.deliver(moved);
        return AlertResponse.of(moved);
    }

    /** Audits a move; if the trail is down, moves the alert back (fail closed) and rethrows. */
    private void audited(AuditEvent event, String id, AlertStatus to, AlertStatus previous) {
        try {
            audit.append(event);
        } catch (AuditUnavailableException e) {
            alerts.transition(id, Set.of(to), new Update().set("status", previous.name()));
            throw e;
        }
    }

    private Alert existing(HubPrincipal who, String id, String action) {
        return alerts.find(id).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, id).with("reason", "not-found"));
            return new NotFoundProblem("The alert");
        });
    }

    private CaseFacts facts(Alert alert) {
        return cases.facts(alert.caseId()).orElseThrow(() -> new NotFoundProblem("The alert's case"));
    }
}
