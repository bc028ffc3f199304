/**
 * Meetings: the monthly MACE Part 1 meeting of each quadrant. The agenda is built from the cases
 * meeting the MACE criteria (new since the last meeting, continuing, and for step-down review when
 * they have left the criteria) and edited by the coordinator; per child the meeting records minutes
 * (sealed at rest, shown only to those who may read the case) and typed decisions and actions
 * (plan, disruption opportunity, evidence gathering) with owner agency, due date and status.
 * Putting a case on an agenda moves its open alerts to ON_AGENDA.
 */
package uk.gov.essex.mace.meetings;
