package uk.gov.essex.mace.alerts;

import java.time.Instant;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * One alert as stored. Its id is {@code caseId:reason:entry}: the n-th time a case enters a reason
 * has exactly one alert, which the store's unique {@code _id} guarantees.
 *
 * @param trigger what made the evaluation that raised it, e.g. {@code missing-episode.reported}
 * @param criteriaLeftAt when the case stopped meeting this reason, if it has
 */
record Alert(
        String id,
        String caseId,
        AlertReason reason,
        int entry,
        Quadrant quadrant,
        AlertStatus status,
        Instant raisedAt,
        String trigger,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant escalatedAt,
        Instant onAgendaAt,
        String meetingId,
        Instant criteriaLeftAt,
        Instant closedAt,
        String closedBy) {

    static Alert raised(String caseId, AlertReason reason, int entry, Quadrant quadrant, Instant now, String trigger) {
        return new Alert(CriteriaStatus.alertId(caseId, reason, entry), caseId, reason, entry, quadrant,
                AlertStatus.OPEN, now, trigger, null, null, null, null, null, null, null, null);
    }
}
