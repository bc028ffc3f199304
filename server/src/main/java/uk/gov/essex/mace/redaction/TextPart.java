package uk.gov.essex.mace.redaction;

/**
 * One part of a redacted text: either text the viewer may read, or a placeholder where a
 * restricted segment was. Exactly one of the two is set.
 */
public record TextPart(String text, WithheldResponse withheld) {

    public static TextPart text(String text) {
        return new TextPart(text, null);
    }

    public static TextPart withheld(WithheldResponse withheld) {
        return new TextPart(null, withheld);
    }
}
