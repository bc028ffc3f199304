package uk.gov.essex.mace.client.intel;

/**
 * One part of an item's text as the caller sees it: text it may read, or a {@link Withheld}
 * placeholder where a restricted segment was. Exactly one of the two is set.
 */
public record TextPart(String text, Withheld withheld) {

    /** Whether this part is a placeholder. */
    public boolean isWithheld() {
        return withheld != null;
    }
}
