package uk.gov.essex.mace.client.internal;

/** A secret (a client secret, a keystore password) that never shows itself in logs or toString. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
