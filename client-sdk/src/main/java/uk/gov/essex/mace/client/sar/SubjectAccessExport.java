package uk.gov.essex.mace.client.sar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.client.alerts.AlertReason;
import uk.gov.essex.mace.client.alerts.AlertStatus;
import uk.gov.essex.mace.client.cases.CaseStatus;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.Quadrant;
import uk.gov.essex.mace.client.intel.IntelCategory;
import uk.gov.essex.mace.client.intel.Marking;
import uk.gov.essex.mace.client.intel.Place;

/**
 * The record held about one child, for a subject access response: the case, risk records,
 * intelligence, alerts and MACE meeting records, each as the exporter may see them. {@link #withheld()}
 * and {@link #notes()} are for the controller preparing the response (what was held back and why),
 * not for release. Third parties (persons of interest, staff names) and source-protected material
 * are never in it. {@link #toString()} shows only the ids.
 *
 * @param exportId this export's id, also in the hub's audit trail ({@code case.sar.export})
 * @param caseId the case
 * @param producedAt when it was produced
 * @param producedByAgency the agency of the person who produced it
 * @param producedByRole the role under which they may ({@code PRACTITIONER} or {@code MACE_CHAIR})
 * @param subject the child and their case
 * @param agencies the agencies the record is shared with, and under what
 * @param risk the risk records: assessments, missing episodes, indicators
 * @param intelligence every revision of every item released
 * @param alerts every alert raised about the case
 * @param meetings the child at each MACE Part 1 meeting the exporter may read
 * @param withheld each thing withheld, and why
 * @param notes remarks for the controller
 */
public record SubjectAccessExport(String exportId, String caseId, Instant producedAt, String producedByAgency,
        String producedByRole, Subject subject, List<Agency> agencies, SubjectAccessRisk risk, List<Intel> intelligence,
        List<Alert> alerts, List<SubjectAccessMeeting> meetings, List<WithheldEntry> withheld, List<String> notes) {

    public SubjectAccessExport {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        intelligence = intelligence == null ? List.of() : List.copyOf(intelligence);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        meetings = meetings == null ? List.of() : List.copyOf(meetings);
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The child and their case.
     *
     * @param childName the child's name
     * @param dateOfBirth the child's date of birth
     * @param district the Essex district
     * @param quadrant its MACE quadrant
     * @param exploitationType CSE, CCE, BOTH or NOT_YET_KNOWN
     * @param status OPEN or CLOSED
     * @param openedAt when the case was opened
     * @param openedByAgency the name of the agency that opened it
     * @param closedAt when it was closed, if closed
     * @param closureReason the closure reason code, if closed
     * @param wentToMace whether the case was ever on a MACE agenda
     */
    public record Subject(String childName, LocalDate dateOfBirth, String district, Quadrant quadrant,
            ExploitationType exploitationType, CaseStatus status, Instant openedAt, String openedByAgency,
            Instant closedAt, String closureReason, boolean wentToMace) {

        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }

    /**
     * An agency the record was shared with.
     *
     * @param agencyId its id
     * @param name its name
     * @param type its kind, e.g. {@code POLICE}
     * @param agreement the information sharing agreement it shares under
     * @param lawfulBasis the lawful basis of that sharing
     */
    public record Agency(String agencyId, String name, String type, String agreement, List<String> lawfulBasis) {
        public Agency {
            lawfulBasis = lawfulBasis == null ? List.of() : List.copyOf(lawfulBasis);
        }
    }

    /**
     * One revision of one intelligence item, as released: the sharing agency, never the author.
     * Segments the exporter could not read show as {@code [redacted]}; source-protected ones leave no mark.
     *
     * @param itemId the item
     * @param revision the revision
     * @param status e.g. {@code ACTIVE}, {@code WITHDRAWN}
     * @param sharedAt when first shared
     * @param observedAt when the observation was made
     * @param revisedAt when this revision was made
     * @param category what it is about
     * @param marking GSC marking
     * @param sharedByAgency the sharing agency's name
     * @param text the text released
     * @param location where, if given
     * @param withdrawnAt when withdrawn, if withdrawn
     * @param withdrawalReason why, if withdrawn
     */
    public record Intel(String itemId, int revision, String status, Instant sharedAt, Instant observedAt,
            Instant revisedAt, IntelCategory category, Marking marking, String sharedByAgency, String text,
            Place location, Instant withdrawnAt, String withdrawalReason) {

        @Override
        public String toString() {
            return "Intel[" + itemId + " r" + revision + "]";
        }
    }

    /**
     * An alert raised about the case (MACE criteria or review prompt), without who acknowledged or
     * closed it.
     *
     * @param id the alert
     * @param reason why it was raised
     * @param maceCriterion whether the reason is a MACE criterion (not a review prompt)
     * @param status its status now
     * @param raisedAt when raised
     * @param trigger what made the evaluation that raised it, e.g. {@code assessment}
     * @param acknowledgedAt when acknowledged, if it was
     * @param escalatedAt when escalated to the chair, if it was
     * @param onAgendaAt when a meeting took the case, if one did
     * @param meetingId that meeting
     * @param criteriaLeftAt when the case stopped meeting the reason, if it has
     * @param closedAt when closed, if closed
     */
    public record Alert(String id, AlertReason reason, boolean maceCriterion, AlertStatus status, Instant raisedAt,
            String trigger, Instant acknowledgedAt, Instant escalatedAt, Instant onAgendaAt, String meetingId,
            Instant criteriaLeftAt, Instant closedAt) {}

    /**
     * One thing withheld, and why: never its content.
     *
     * @param kind {@code intel-item}, {@code indicator}, {@code minutes}, {@code meeting}, {@code text-segment},
     *     {@code person-of-interest} or {@code staff-name}
     * @param id where it was, e.g. {@code intel/<itemId>/r2/part/1}, {@code meeting/<meetingId>/minutes} or
     *     {@code assessment/<id>/assessor}
     * @param reason {@code not-visible-to-exporter} (ask {@code ask}), {@code source-protection} or {@code third-party}
     * @param label the handling label, for labelled content
     * @param labelName its name
     * @param ask whom to ask for what the exporter could not see
     */
    public record WithheldEntry(String kind, String id, String reason, String label, String labelName, String ask) {}

    @Override
    public String toString() {
        return "SubjectAccessExport[" + exportId + " of " + caseId + "]";
    }
}
