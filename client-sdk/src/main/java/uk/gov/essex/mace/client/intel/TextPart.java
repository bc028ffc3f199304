package uk.gov.essex.mace.client.intel;

/**
 * One part of an item's text as the caller sees it: text it may read, or a {@link Withheld}
 * placeholder where a restricted segment was. Exactly one of {@code text} and {@code withheld} is
 * set; {@code restricted} is set beside {@code text} when the text is a restricted segment the
 * caller may read (others on the case see a placeholder there, or nothing).
 */
public record TextPart(String text, Withheld withheld, Restricted restricted) {

    /** The handling label of a restricted segment the caller may read. */
    public record Restricted(String label, String labelName) {}

    /** Whether this part is a placeholder. */
    public boolean isWithheld() {
        return withheld != null;
    }

    /** Whether this part is restricted words the caller may read. */
    public boolean isRestricted() {
        return restricted != null;
    }
}
