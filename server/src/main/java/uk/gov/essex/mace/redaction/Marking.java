package uk.gov.essex.mace.redaction;

/** Government Security Classification marking, shown on every item and page. */
public enum Marking {
    OFFICIAL,
    OFFICIAL_SENSITIVE
}
