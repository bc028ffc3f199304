package uk.gov.essex.mace.client.alerts;

/** The life of an alert: OPEN, ACKNOWLEDGED by a coordinator, ON_AGENDA of a Part 1 meeting, CLOSED. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ON_AGENDA,
    CLOSED
}
