package uk.gov.essex.mace.client.cases;

/** The four MACE quadrants of Essex; a case's district decides its quadrant. */
public enum Quadrant {
    MID,
    NORTH,
    SOUTH,
    WEST
}
