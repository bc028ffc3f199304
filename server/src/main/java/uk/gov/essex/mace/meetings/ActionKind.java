package uk.gov.essex.mace.meetings;

/** A decision the meeting took, or an action it set. */
public enum ActionKind {
    DECISION,
    ACTION
}
