package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.crypto.BlindIndex;
import uk.gov.essex.mace.crypto.CaseKeys;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.crypto.HubKeys;
import uk.gov.essex.mace.crypto.KeyRotation;
import uk.gov.essex.mace.storage.StorageProperties;
import uk.gov.essex.mace.support.InMemoryMongo;

/** The crypto feature as component scanning and property binding assemble it. */
class CryptoWiringTests {

    @TempDir
    Path dataDir;

    InMemoryMongo mongo;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = FieldCipher.class)
    @EnableConfigurationProperties({KeysProperties.class, StorageProperties.class})
    static class Wiring {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Wiring.class)
                .withBean(MongoTemplate.class, () -> mongo.template())
                .withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("hub.storage.data-dir=" + dataDir);
    }

    @Test
    void contextWhenDemoModeThenKeystoreIsGeneratedAndFieldsSealAndOpen() {
        runner().withPropertyValues("hub.keys.generate-if-missing=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(HubKeys.class).hasSingleBean(FieldCipher.class)
                    .hasSingleBean(CaseKeys.class).hasSingleBean(KeyRotation.class).hasSingleBean(BlindIndex.class);
            FieldContext field = new FieldContext("case-1", "intel-item", "i-1", "summary", 1);
            FieldCipher cipher = context.getBean(FieldCipher.class);
            assertThat(cipher.openText(field, cipher.sealText(field, "wired"))).isEqualTo("wired");
            assertThat(context.getBean(BlindIndex.class).child("Jayden Smith", LocalDate.of(2011, 4, 9))).hasSize(64);
        });
        assertThat(dataDir.resolve("keys/hub-keys.bcfks")).exists();
        assertThat(dataDir.resolve("keys/keystore-password")).exists();
    }

    @Test
    void contextWhenProductionWithoutPasswordThenStartupFailsSayingWhatToSet() {
        assumeTrue(System.getenv("HUB_KEYSTORE_PASSWORD") == null, "HUB_KEYSTORE_PASSWORD is set in this environment");

        runner().run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause()
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("HUB_KEYSTORE_PASSWORD")
                .hasMessageContaining("hub.keys.password-file"));
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void contextWhenPasswordFileAndCustomPathThenKeystoreIsThere() throws Exception {
        assumeTrue(System.getenv("HUB_KEYSTORE_PASSWORD") == null, "HUB_KEYSTORE_PASSWORD is set in this environment");
        Path secret = Files.writeString(dataDir.resolve("secret"), "a-mounted-secret-password\n");
        Path keystore = dataDir.resolve("elsewhere/hub.bcfks");

        runner().withPropertyValues("hub.keys.generate-if-missing=true", "hub.keys.password-file=" + secret,
                "hub.keys.keystore=" + keystore).run(context -> assertThat(context).hasNotFailed());

        assertThat(keystore).exists();
        assertThat(dataDir.resolve("keys/keystore-password")).doesNotExist();
        runner().withPropertyValues("hub.keys.password-file=" + secret, "hub.keys.keystore=" + keystore)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void contextWhenKeystoreDoesNotMatchTheDatabaseThenStartupFails() {
        runner().withPropertyValues("hub.keys.generate-if-missing=true").run(context -> {
            FieldContext field = new FieldContext("case-1", "intel-item", "i-1", "summary", 1);
            context.getBean(FieldCipher.class).sealText(field, "sealed under the first keystore");
        });

        runner().withPropertyValues("hub.keys.generate-if-missing=true", "hub.keys.keystore=" + dataDir.resolve("typo.bcfks"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseInstanceOf(KeystoreUnavailableException.class)
                        .hasStackTraceContaining("not this hub's keystore")
                        .hasStackTraceContaining("kek-v1"));
    }

    @Test
    void contextWhenCacheSettingsInvalidThenStartupFails() {
        runner().withPropertyValues("hub.keys.generate-if-missing=true", "hub.keys.data-key-cache-size=0")
                .run(context -> assertThat(context).hasFailed());
        runner().withPropertyValues("hub.keys.generate-if-missing=true", "hub.keys.data-key-cache-ttl=-1s")
                .run(context -> assertThat(context).hasFailed());
    }
}
