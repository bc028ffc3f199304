package uk.gov.essex.mace.crypto.internal;

import java.util.Arrays;

/**
 * The keystore password. A type of its own so it can never reach a log line by accident: its
 * {@link #toString()} is {@code [REDACTED]}.
 */
public final class KeystorePassword {

    private final char[] value;
    private final String source;

    KeystorePassword(char[] value, String source) {
        if (value.length == 0) {
            throw new IllegalArgumentException("keystore password from " + source + " is empty");
        }
        this.value = value.clone();
        this.source = source;
    }

    /** A copy of the password characters; callers should clear it when done. */
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

    @Override
    public boolean equals(Object other) {
        return other instanceof KeystorePassword that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 0; // not meant for hashing; avoids leaking anything about the value
    }
}
