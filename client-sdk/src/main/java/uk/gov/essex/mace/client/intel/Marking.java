package uk.gov.essex.mace.client.intel;

/** Government Security Classifications marking of an item. */
public enum Marking {
    OFFICIAL,
    OFFICIAL_SENSITIVE
}
