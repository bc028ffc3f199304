package uk.gov.essex.mace.crypto.internal;

/**
 * The keystore cannot be opened or written: no password was given, the password is wrong, the file
 * is missing or damaged. Raised at start-up with a message that says what to fix.
 */
public class KeystoreUnavailableException extends RuntimeException {

    public KeystoreUnavailableException(String message) {
        super(message);
    }

    public KeystoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
