package uk.gov.essex.mace.policy;

/** Everything a caller can ask the hub to do that the policy decision point rules on. */
public enum Action {
    CASE_OPEN,
    CASE_READ,
    CASE_MEMBERS_CHANGE,
    INTEL_SHARE,
    AUDIT_READ,
    ADMINISTER,
    /** Read the hub's operational metrics ({@code /actuator/prometheus}): counts and timings, no content. */
    METRICS_READ,
    /** Record a Risk in the Community assessment or an exploitation indicator on a case. */
    RISK_RECORD,
    /** Report, close, correct or delete a missing episode (police and children's social care only). */
    MISSING_EPISODE_RECORD,
    /** See an alert about a case (MACE criteria or review prompt). */
    ALERT_READ,
    /** Acknowledge or close an alert: the MACE coordinators and chair of the case's quadrant. */
    ALERT_MANAGE,
    /** Run the full MACE criteria re-evaluation (counts only, no content). */
    MACE_RE_EVALUATE,
    /** See a quadrant's MACE Part 1 meetings (each agenda item still needs CASE_READ). */
    MEETING_READ,
    /** Create meetings, edit agendas, record minutes and actions: coordinators and chair of the quadrant. */
    MEETING_MANAGE,
    /** Close or reopen a case (which starts or stops its retention clock): coordinators and chair of the quadrant. */
    CASE_CLOSE,
    /**
     * Place or lift a legal hold on a case: the MACE chair of the quadrant, or a police intelligence
     * officer of a member police agency.
     */
    LEGAL_HOLD_MANAGE,
    /**
     * Produce a subject access export of the record held about the child: a children's social care
     * practitioner of a member agency, or the MACE chair of the quadrant.
     */
    SUBJECT_ACCESS_EXPORT,
    /** List cases due for erasure and propose one for erasure (ids, dates, schedule names only): ADMIN or a chair. */
    RETENTION_REVIEW,
    /** Approve a proposed erasure, which then happens: the MACE chair of the case's quadrant, never the proposer. */
    ERASURE_APPROVE,
    /** Post a disruption update about a place in the quadrant: district councils, CSPs and police. */
    DISRUPTION_POST,
    /** See the quadrant's disruption updates: its MACE coordinators and chairs, and practitioners working there. */
    DISRUPTION_READ,
    /** See the quadrant's MACE Part 2 problem profile (aggregates only): analysts, Stay Safe leads, chairs, coordinators. */
    PROFILE_READ,
    /** See the county-wide Part 2 profile across the four quadrants: the Sub-Committee. */
    PROFILE_COUNTY_READ,
    /** Record a quadrant's MACE Part 2 meeting and its themes: coordinators, chairs and Stay Safe leads. */
    PROFILE_MEETING_RECORD
}
