package uk.gov.essex.mace.cases;

/** Where a case is in its life. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
