package uk.gov.essex.mace.alerts;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * An alert as its permitted viewers see it, over HTTP and on {@code /user/queue/alerts}. It names
 * the case, never the child: the case itself is read through the cases API and its policy.
 */
public record AlertResponse(
        String id,
        String caseId,
        AlertReason reason,
        boolean maceCriterion,
        int entry,
        Quadrant quadrant,
        AlertStatus status,
        Instant raisedAt,
        String trigger,
        Instant acknowledgedAt,
        String acknowledgedBy,
        boolean escalated,
        Instant escalatedAt,
        Instant onAgendaAt,
        String meetingId,
        Instant criteriaLeftAt,
        Instant closedAt,
        String closedBy) {

    static AlertResponse of(Alert a) {
        return new AlertResponse(a.id(), a.caseId(), a.reason(), a.reason().maceCriterion(), a.entry(), a.quadrant(),
                a.status(), a.raisedAt(), a.trigger(), a.acknowledgedAt(), a.acknowledgedBy(), a.escalatedAt() != null,
                a.escalatedAt(), a.onAgendaAt(), a.meetingId(), a.criteriaLeftAt(), a.closedAt(), a.closedBy());
    }
}
