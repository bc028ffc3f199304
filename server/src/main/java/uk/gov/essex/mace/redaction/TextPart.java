package uk.gov.essex.mace.redaction;

/**
 * One part of a redacted text: either text the viewer may read, or a placeholder where a
 * restricted segment was. Exactly one of {@code text} and {@code withheld} is set; {@code
 * restricted} is set beside {@code text} when the text is a restricted segment the viewer may read.
 */
public record TextPart(String text, WithheldResponse withheld, RestrictedResponse restricted) {

    public static TextPart text(String text) {
        return new TextPart(text, null, null);
    }

    /** A restricted segment's words, for a viewer who may read them, with the label they are under. */
    public static TextPart restricted(String text, RestrictedResponse restricted) {
        return new TextPart(text, null, restricted);
    }

    public static TextPart withheld(WithheldResponse withheld) {
        return new TextPart(null, withheld, null);
    }
}
