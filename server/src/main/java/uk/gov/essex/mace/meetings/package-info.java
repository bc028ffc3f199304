/**
 * Meetings: the monthly MACE Part 1 meeting of each quadrant. The agenda is built from the cases
 * meeting the MACE criteria (new since the last meeting, continuing, and for step-down review when
 * they have left the criteria) and edited by the coordinator (its reasons sealed); per child the
 * meeting records minutes (sealed with the case's data key, under a handling label and redacted as
 * intelligence, shown only to those who may read the case; a correction adds a revision and never
 * destroys an earlier one, which those entitled to the minutes can still read) and typed decisions
 * and actions (plan, disruption opportunity, evidence gathering) with owner agency, due date and
 * status.
 * Putting a case on an agenda moves its open alerts to ON_AGENDA. A child's subject access export
 * reads what the meetings hold about them through {@link uk.gov.essex.mace.meetings.MeetingDisclosure};
 * an erased case is taken out of every meeting through {@link uk.gov.essex.mace.meetings.MeetingErasure}.
 */
package uk.gov.essex.mace.meetings;
