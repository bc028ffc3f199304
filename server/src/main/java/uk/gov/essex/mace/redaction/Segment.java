package uk.gov.essex.mace.redaction;

import java.util.function.Supplier;

/**
 * A stored piece of text with the label it was shared under ({@code null}: the record's own label).
 * The text is supplied lazily so that content a viewer may not see is never even decrypted.
 */
public record Segment(String label, Supplier<String> text) {}
