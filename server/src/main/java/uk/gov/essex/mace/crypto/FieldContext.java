package uk.gov.essex.mace.crypto;

import java.util.Objects;

/**
 * Where a sealed value belongs. All five parts are bound into the ciphertext as associated data, so
 * a ciphertext copied to another case, record, field or revision is refused rather than opened.
 *
 * @param caseId the case whose data key seals the value
 * @param recordType the kind of record, e.g. {@code "intel-item"}; stops a value moving between
 *     record kinds that happen to share an id
 * @param recordId the record's id within its type
 * @param field the field name within the record
 * @param revision the record revision the value was written at; stops an old revision's value being
 *     replayed into a newer one
 */
public record FieldContext(String caseId, String recordType, String recordId, String field, long revision) {

    public FieldContext {
        requireText(caseId, "caseId");
        requireText(recordType, "recordType");
        requireText(recordId, "recordId");
        requireText(field, "field");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
    }

    /** The same record and revision, another field. */
    public FieldContext withField(String otherField) {
        return new FieldContext(caseId, recordType, recordId, otherField, revision);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
