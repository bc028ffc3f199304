package uk.gov.essex.mace.client.sar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.client.cases.Quadrant;

/**
 * The child at one MACE Part 1 meeting, in a {@link SubjectAccessExport}. A meeting the exporter
 * may not read is not here but in {@link SubjectAccessExport#withheld()} (kind {@code meeting}).
 *
 * @param meetingId the meeting
 * @param quadrant its quadrant
 * @param date its date
 * @param section where the child sat on the agenda: {@code NEW}, {@code CONTINUING}, {@code STEP_DOWN_REVIEW}, {@code ADDED}
 * @param reason why the coordinator put the child on the agenda, if added by hand
 * @param agendaChangedAt when the child was put on, or (if {@code removed}) taken off, the agenda
 * @param removed whether the coordinator took the child off
 * @param removedReason why
 * @param minutes every revision of the minutes the exporter may read, the first first
 * @param actions the decisions and actions recorded for the child
 */
public record SubjectAccessMeeting(String meetingId, Quadrant quadrant, LocalDate date, String section, String reason,
        Instant agendaChangedAt, boolean removed, String removedReason, List<Minutes> minutes, List<Action> actions) {

    public SubjectAccessMeeting {
        minutes = minutes == null ? List.of() : List.copyOf(minutes);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * One revision of the child's minutes.
     *
     * @param current whether it is the revision the meeting shows
     * @param label the minutes' handling label
     * @param text the text; segments the exporter could not read show as {@code [redacted]}
     * @param recordedByAgency the recording agency's name
     */
    public record Minutes(int revision, boolean current, String label, String text, String recordedByAgency,
            Instant recordedAt) {

        @Override
        public String toString() {
            return "Minutes[r" + revision + "]";
        }
    }

    /**
     * A decision or action.
     *
     * @param kind {@code DECISION} or {@code ACTION}
     * @param type {@code PLAN}, {@code DISRUPTION_OPPORTUNITY} or {@code EVIDENCE_GATHERING}
     * @param ownerAgency the owning agency's name
     * @param status {@code OPEN}, {@code DONE} or {@code CANCELLED}
     */
    public record Action(String id, String kind, String type, String description, String ownerAgency, LocalDate dueDate,
            String status, Instant recordedAt) {

        @Override
        public String toString() {
            return "Action[" + id + "]";
        }
    }

    @Override
    public String toString() {
        return "SubjectAccessMeeting[" + meetingId + "]";
    }
}
