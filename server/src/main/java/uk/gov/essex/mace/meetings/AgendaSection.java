package uk.gov.essex.mace.meetings;

/** Where a child sits on a MACE Part 1 agenda. */
public enum AgendaSection {
    /** Meets the criteria and was not on the previous meeting's agenda. */
    NEW,
    /** Meets the criteria and was on the previous meeting's agenda. */
    CONTINUING,
    /** Left the criteria since the previous meeting: review whether to step down. */
    STEP_DOWN_REVIEW,
    /** Put on the agenda by the coordinator, with a reason. */
    ADDED
}
