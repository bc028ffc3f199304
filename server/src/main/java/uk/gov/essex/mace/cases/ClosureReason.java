package uk.gov.essex.mace.cases;

/** Why a case was closed: a code, never free text, so the closure itself holds no content. */
public enum ClosureReason {
    /** Risk reduced: the child no longer needs the partnership's exploitation response. */
    RISK_REDUCED,
    /** No further action after assessment. */
    NO_FURTHER_ACTION,
    /** The child moved out of Essex; the case passed to the receiving area. */
    MOVED_OUT_OF_AREA,
    /** The child turned 18 and any continuing support is through adult services. */
    REACHED_ADULTHOOD,
    /** Merged into another case for the same child. */
    DUPLICATE,
    OTHER
}
