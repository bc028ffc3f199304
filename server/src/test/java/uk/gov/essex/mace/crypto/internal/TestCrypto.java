package uk.gov.essex.mace.crypto.internal;

import java.nio.file.Path;
import uk.gov.essex.mace.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The crypto feature wired by hand over a data directory and a database, as Spring wires it. Each
 * {@link #build()} is a fresh hub instance: new keystore object, new caches.
 */
public final class TestCrypto {

    static final String PASSWORD = "test-keystore-password";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final KeystoreHubKeys hubKeys;
    final KeyEncryptionKeys keks;
    final CaseKeyStore store;
    final CaseDataKeys caseKeys;
    final EnvelopeFieldCipher cipher;
    final CaseKeyRotation rotation;
    final KeystoreMatchesDatabase keystoreCheck;

    private TestCrypto(Builder builder) {
        hubKeys = TestKeystores.open(builder.dataDir, builder.password, builder.clock);
        keks = new KeyEncryptionKeys(hubKeys);
        store = new CaseKeyStore(builder.mongo);
        DataKeyWrapper wrapper = new DataKeyWrapper(keks);
        caseKeys = new CaseDataKeys(store, wrapper,
                new KeysProperties(null, null, true, builder.cacheSize, builder.cacheTtl), builder.clock);
        cipher = new EnvelopeFieldCipher(caseKeys);
        rotation = new CaseKeyRotation(store, wrapper, keks, builder.clock);
        keystoreCheck = new KeystoreMatchesDatabase(store, wrapper, hubKeys);
    }

    static Builder in(Path dataDir, MongoTemplate mongo) {
        return new Builder(dataDir, mongo);
    }

    static final class Builder {

        private final Path dataDir;
        private final MongoTemplate mongo;
        private Clock clock = new MutableClock(START);
        private String password = PASSWORD;
        private int cacheSize = 1000;
        private Duration cacheTtl = Duration.ofMinutes(5);

        private Builder(Path dataDir, MongoTemplate mongo) {
            this.dataDir = dataDir;
            this.mongo = mongo;
        }

        Builder clock(Clock value) {
            clock = value;
            return this;
        }

        Builder password(String value) {
            password = value;
            return this;
        }

        Builder cacheSize(int value) {
            cacheSize = value;
            return this;
        }

        TestCrypto build() {
            return new TestCrypto(this);
        }
    }
}
