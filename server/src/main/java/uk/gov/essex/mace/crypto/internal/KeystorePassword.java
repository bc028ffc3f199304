package uk.gov.essex.mace.crypto.internal;

/**
 * The keystore password. A type of its own so it can never reach a log line by accident: its
 * {@link #toString()} is {@code [REDACTED]}.
 */
public final class KeystorePassword {

    private final char[] value;
    private final String source;

    /**
     * @param value the password; copied, so the caller may clear its array
     * @param source where it came from, e.g. {@code "environment variable HUB_KEYSTORE_PASSWORD"}
     */
    public KeystorePassword(char[] value, String source) {
        if (value.length == 0) {
            throw new KeystoreUnavailableException("keystore password from " + source + " is empty");
        }
        this.value = value.clone();
        this.source = source;
    }

    /** A copy of the password characters; callers clear it when done. */
    char[] chars() {
        return value.clone();
    }

    /** Where the password came from, for log and error messages (never the value). */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
