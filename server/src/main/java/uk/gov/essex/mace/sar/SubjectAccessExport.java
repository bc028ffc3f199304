package uk.gov.essex.mace.sar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.alerts.AlertReason;
import uk.gov.essex.mace.alerts.AlertStatus;
import uk.gov.essex.mace.cases.CaseStatus;
import uk.gov.essex.mace.cases.ClosureReason;
import uk.gov.essex.mace.cases.ExploitationType;
import uk.gov.essex.mace.intel.IntelCategory;
import uk.gov.essex.mace.intel.Place;
import uk.gov.essex.mace.meetings.ActionKind;
import uk.gov.essex.mace.meetings.ActionStatus;
import uk.gov.essex.mace.meetings.ActionType;
import uk.gov.essex.mace.meetings.AgendaSection;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.redaction.Marking;
import uk.gov.essex.mace.risk.ExploitationIndicator;
import uk.gov.essex.mace.risk.RiskLevel;

/**
 * The record held about one child, for a subject access response: the case, its risk records,
 * intelligence, alerts and MACE meeting records, each as the exporter may see it. Agencies are
 * named, people other than the child never. {@code withheld} and {@code notes} are for the
 * controller preparing the response (what was held back and why), not for release.
 *
 * @param exportId this export's id, also in the audit trail's {@code case.sar.export} entry
 * @param producedByAgency the agency of the person who produced it
 * @param producedByRole the role under which they may (children's social care practitioner or MACE chair)
 * @param withheld each thing held back, one entry per thing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectAccessExport(
        String exportId,
        String caseId,
        Instant producedAt,
        String producedByAgency,
        String producedByRole,
        ExportedSubject subject,
        List<ExportedAgency> agencies,
        ExportedRisk risk,
        List<ExportedIntel> intelligence,
        List<ExportedAlert> alerts,
        List<ExportedMeeting> meetings,
        List<WithheldEntry> withheld,
        List<String> notes) {

    public SubjectAccessExport {
        agencies = List.copyOf(agencies);
        intelligence = List.copyOf(intelligence);
        alerts = List.copyOf(alerts);
        meetings = List.copyOf(meetings);
        withheld = List.copyOf(withheld);
        notes = List.copyOf(notes);
    }

    /** Ids and counts only: the export holds a child's record and must never reach a log whole. */
    @Override
    public String toString() {
        return "SubjectAccessExport[" + exportId + " case " + caseId + ": " + intelligence.size() + " item revisions, "
                + alerts.size() + " alerts, " + meetings.size() + " meetings, " + withheld.size() + " withheld]";
    }

    /** The child and their case. */
    public record ExportedSubject(String childName, LocalDate dateOfBirth, String district, Quadrant quadrant,
            ExploitationType exploitationType, CaseStatus status, Instant openedAt, String openedByAgency,
            Instant closedAt, ClosureReason closureReason, boolean wentToMace) {

        @Override
        public String toString() {
            return "ExportedSubject[" + quadrant + " " + status + "]";
        }
    }

    /** An agency the record was shared with, and the agreement and lawful basis it shares under. */
    public record ExportedAgency(String agencyId, String name, AgencyType type, String agreement, List<String> lawfulBasis) {}

    /**
     * The risk records: every assessment, every version of every missing episode (deleted ones too:
     * they were held), and the indicators the exporter may know of.
     *
     * @param currentLevel the current assessment's level, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedRisk(RiskLevel currentLevel, boolean knownToBeExploited, List<ExportedAssessment> assessments,
            List<ExportedMissingEpisode> missingEpisodes, List<ExportedIndicator> indicators) {}

    /** A Risk in the Community Record assessment, by the assessing agency. */
    public record ExportedAssessment(String id, RiskLevel level, ExploitationType exploitationType,
            boolean knownToBeExploited, LocalDate assessedOn, LocalDate nextReviewOn, String assessedByAgency,
            Instant recordedAt, boolean current) {}

    /** A missing episode with every version it has had, the last as it now stands. */
    public record ExportedMissingEpisode(String id, List<ExportedEpisodeVersion> versions) {}

    /**
     * One version of a missing episode.
     *
     * @param change {@code REPORTED}, {@code RETURNED}, {@code CORRECTED} or {@code DELETED}
     * @param reason why it was corrected or deleted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedEpisodeVersion(int version, String change, Instant startedAt, Instant returnedAt,
            String whereFound, Boolean returnHomeInterview, boolean deleted, boolean lateReport, String reason,
            String recordedByAgency, Instant recordedAt) {

        @Override
        public String toString() {
            return "ExportedEpisodeVersion[v" + version + " " + change + "]";
        }
    }

    /** An exploitation indicator; its source note released as intelligence text is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedIndicator(String id, ExploitationIndicator indicator, LocalDate observedOn, String label,
            String recordedByAgency, Instant recordedAt, String sourceNote) {

        @Override
        public String toString() {
            return "ExportedIndicator[" + id + " " + indicator + "]";
        }
    }

    /** One revision of one intelligence item, as released: the sharing agency, never the author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedIntel(String itemId, int revision, String status, Instant sharedAt, Instant observedAt,
            Instant revisedAt, IntelCategory category, Marking marking, String sharedByAgency, String text, Place location,
            Instant withdrawnAt, String withdrawalReason) {

        @Override
        public String toString() {
            return "ExportedIntel[" + itemId + " r" + revision + " " + status + "]";
        }
    }

    /** An alert about the case (MACE criteria or review prompt), without who acknowledged or closed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedAlert(String id, AlertReason reason, boolean maceCriterion, AlertStatus status,
            Instant raisedAt, String trigger, Instant acknowledgedAt, Instant escalatedAt, Instant onAgendaAt,
            String meetingId, Instant criteriaLeftAt, Instant closedAt) {}

    /**
     * The child at one MACE Part 1 meeting.
     *
     * @param reason why the coordinator put the child on the agenda (added by hand)
     * @param agendaChangedAt when the child was put on or (if {@code removed}) taken off the agenda
     * @param minutes every revision of the minutes, the first first, the one the meeting shows marked current
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedMeeting(String meetingId, Quadrant quadrant, LocalDate date, AgendaSection section,
            String reason, Instant agendaChangedAt, boolean removed, String removedReason, List<ExportedMinutes> minutes,
            List<ExportedAction> actions) {

        @Override
        public String toString() {
            return "ExportedMeeting[" + meetingId + "]";
        }
    }

    /** One revision of the child's minutes at a meeting. */
    public record ExportedMinutes(int revision, boolean current, String label, String text, String recordedByAgency,
            Instant recordedAt) {

        @Override
        public String toString() {
            return "ExportedMinutes[r" + revision + (current ? " current" : "") + "]";
        }
    }

    /** A decision or action the meeting recorded for the child. */
    public record ExportedAction(String id, ActionKind kind, ActionType type, String description, String ownerAgency,
            LocalDate dueDate, ActionStatus status, Instant recordedAt) {

        @Override
        public String toString() {
            return "ExportedAction[" + id + " " + kind + "]";
        }
    }

    /**
     * One thing withheld, and why: never its content.
     *
     * @param kind {@code intel-item}, {@code indicator}, {@code minutes}, {@code meeting}, {@code text-segment},
     *     {@code person-of-interest} or {@code staff-name}
     * @param id where it was, e.g. {@code intel/<itemId>/r2/part/1} or {@code assessment/<id>/assessor}
     * @param reason {@code not-visible-to-exporter} (ask {@code ask}), {@code source-protection} or {@code third-party}
     * @param label the handling label (for labelled content)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithheldEntry(String kind, String id, String reason, String label, String labelName, String ask) {}
}
