package uk.gov.essex.mace.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Encrypts one field value under its case's data key (AES-256-GCM, random 96-bit nonce), bound to
 * its {@link FieldContext}. The result is a small versioned byte array
 * ({@code version | nonce | ciphertext+tag}) to store as BSON binary next to the record.
 *
 * <p>The first seal for a case creates its data key. Opening never returns garbage: a value that was
 * altered, truncated or moved to another case, record, field or revision is refused with
 * {@link CiphertextRejectedException}; one whose case key was destroyed is refused with
 * {@link CaseKeyDestroyedException}.
 *
 * @see <a href="https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf">NIST SP 800-38D (GCM)</a>
 */
public interface FieldCipher {

    /**
     * Seals {@code plaintext} for the field at {@code context}.
     *
     * @throws CaseKeyDestroyedException when the case was erased
     */
    byte[] seal(FieldContext context, byte[] plaintext);

    /**
     * Opens a value sealed for the field at {@code context}.
     *
     * @throws CiphertextRejectedException when the value is not an intact ciphertext for this context
     * @throws CaseKeyDestroyedException when the case was erased
     */
    byte[] open(FieldContext context, byte[] sealed);

    /** Seals text as UTF-8. */
    default byte[] sealText(FieldContext context, String text) {
        return seal(context, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a value sealed with {@link #sealText}. */
    default String openText(FieldContext context, byte[] sealed) {
        return new String(open(context, sealed), StandardCharsets.UTF_8);
    }
}
