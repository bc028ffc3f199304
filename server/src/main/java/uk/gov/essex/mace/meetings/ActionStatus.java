package uk.gov.essex.mace.meetings;

/** Progress of a decision or action; OPEN past its due date is overdue. */
public enum ActionStatus {
    OPEN,
    DONE,
    CANCELLED
}
