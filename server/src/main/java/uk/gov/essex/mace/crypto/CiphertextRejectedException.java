package uk.gov.essex.mace.crypto;

/**
 * A stored value is not an intact ciphertext for the place it was read from: it was altered,
 * truncated, written in an unknown format, or moved from another case, record, field or revision.
 * Nothing of the plaintext is returned. Treat as an integrity incident, not as missing data.
 */
public class CiphertextRejectedException extends RuntimeException {

    public CiphertextRejectedException(String message) {
        super(message);
    }

    public CiphertextRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
