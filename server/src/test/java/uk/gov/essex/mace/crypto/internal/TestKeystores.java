package uk.gov.essex.mace.crypto.internal;

import java.nio.file.Path;
import java.time.Clock;

/** Opens (creating if needed) a real keystore under a test's data directory. */
public final class TestKeystores {

    private TestKeystores() {
    }

    public static KeystoreHubKeys open(Path dataDir) {
        return open(dataDir, TestCrypto.PASSWORD, Clock.systemUTC());
    }

    static KeystoreHubKeys open(Path dataDir, String password, Clock clock) {
        return KeystoreHubKeys.open(keystoreIn(dataDir), password(password), clock);
    }

    static Path keystoreIn(Path dataDir) {
        return dataDir.resolve("keys").resolve("hub-keys.bcfks");
    }

    static KeystorePassword password(String value) {
        return new KeystorePassword(value.toCharArray(), "test");
    }
}
