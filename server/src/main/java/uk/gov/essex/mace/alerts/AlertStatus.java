package uk.gov.essex.mace.alerts;

/** The life of an alert: OPEN, then ACKNOWLEDGED by a coordinator, ON_AGENDA of a Part 1 meeting, CLOSED. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ON_AGENDA,
    CLOSED
}
