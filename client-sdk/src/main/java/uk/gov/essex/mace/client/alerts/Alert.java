package uk.gov.essex.mace.client.alerts;

import java.time.Instant;
import uk.gov.essex.mace.client.cases.Quadrant;

/**
 * An alert as the caller may see it, over HTTP and live.
 *
 * @param id alert id
 * @param caseId the case (read it through the cases API and its policy)
 * @param reason why it was raised
 * @param maceCriterion whether the reason is a MACE criterion (escalates, goes on the agenda)
 * @param entry the number of the child's entry into the criteria
 * @param quadrant the case's quadrant
 * @param status where the alert is in its life
 * @param raisedAt when raised
 * @param trigger what triggered it
 * @param acknowledgedAt when acknowledged
 * @param acknowledgedBy by whom
 * @param escalated whether it was escalated for not being acknowledged in time
 * @param escalatedAt when
 * @param onAgendaAt when put on a meeting agenda
 * @param meetingId that meeting
 * @param criteriaLeftAt when the child left the criteria
 * @param closedAt when closed
 * @param closedBy by whom
 */
public record Alert(String id, String caseId, AlertReason reason, boolean maceCriterion, int entry, Quadrant quadrant,
        AlertStatus status, Instant raisedAt, String trigger, Instant acknowledgedAt, String acknowledgedBy, boolean escalated,
        Instant escalatedAt, Instant onAgendaAt, String meetingId, Instant criteriaLeftAt, Instant closedAt, String closedBy) {

    /**
     * Identifies this state of the alert: a live subscription delivers each state of each alert
     * once (raised, acknowledged, escalated, on the agenda, closed).
     */
    public String stateKey() {
        return id + "|" + status + "|" + escalated;
    }
}
