package uk.gov.essex.mace.client.cases;

/** Where a case is in its life. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
