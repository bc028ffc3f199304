package uk.gov.essex.mace.crypto.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's keystore and data-key cache.
 *
 * @param keystore the BCFKS keystore file; default {@code ${hub.storage.data-dir}/keys/hub-keys.bcfks}
 * @param passwordFile a file holding the keystore password (e.g. a mounted secret), used when the
 *     {@code HUB_KEYSTORE_PASSWORD} environment variable is not set
 * @param generateIfMissing demo and tests only: when no password is given, generate one into
 *     {@code ${hub.storage.data-dir}/keys/keystore-password} at first start. False (the default, and
 *     production) makes a missing password fail start-up. A missing keystore file is created either way
 * @param dataKeyCacheSize how many unwrapped case data keys one instance keeps in memory
 * @param dataKeyCacheTtl how long an unwrapped data key stays cached; bounds how long another instance
 *     can still use a key after a case was erased
 */
@Validated
@ConfigurationProperties("hub.keys")
public record KeysProperties(
        Path keystore,
        Path passwordFile,
        @DefaultValue("false") boolean generateIfMissing,
        @Positive @DefaultValue("10000") int dataKeyCacheSize,
        @NotNull @DefaultValue("5m") Duration dataKeyCacheTtl) {

    public KeysProperties {
        if (dataKeyCacheTtl != null && (dataKeyCacheTtl.isNegative() || dataKeyCacheTtl.isZero())) {
            throw new IllegalArgumentException("hub.keys.data-key-cache-ttl must be positive");
        }
    }

    /** The keystore file, defaulting under the data directory. */
    Path keystoreIn(Path dataDir) {
        return keystore != null ? keystore : dataDir.resolve("keys").resolve("hub-keys.bcfks");
    }

    /** Where a generated password is kept in demo mode. */
    static Path generatedPasswordFileIn(Path dataDir) {
        return dataDir.resolve("keys").resolve("keystore-password");
    }
}
