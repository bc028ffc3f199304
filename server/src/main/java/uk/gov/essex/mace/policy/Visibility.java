package uk.gov.essex.mace.policy;

/** What a viewer may see of content under a handling label. */
public enum Visibility {
    /** The content itself. */
    FULL,
    /** A labelled placeholder naming the owning agency, the label and whom to ask. */
    PLACEHOLDER,
    /** Nothing: not the content, not that it exists. */
    NOTHING
}
