package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePasswordsTests {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @TempDir
    Path dataDir;

    @Test
    void resolveWhenEnvironmentVariableSetThenKeystoreOpensWithItAcrossRestarts() {
        UnaryOperator<String> environment = Map.of("HUB_KEYSTORE_PASSWORD", "from-the-environment-0123")::get;
        KeysProperties production = properties(null, false);
        KeysProperties firstStart = properties(null, true);

        KeystorePassword password = new KeystorePasswords(environment).resolve(firstStart, dataDir);
        byte[] key = KeystoreHubKeys.open(firstStart.keystoreIn(dataDir), password, Clock.systemUTC())
                .secretKey("kek-v1").getEncoded();
        KeystorePassword again = new KeystorePasswords(environment).resolve(production, dataDir);

        assertThat(again.source()).isEqualTo("environment variable HUB_KEYSTORE_PASSWORD");
        assertThat(KeystoreHubKeys.open(production.keystoreIn(dataDir), again, Clock.systemUTC())
                .secretKey("kek-v1").getEncoded()).isEqualTo(key);
        assertThat(KeysProperties.generatedPasswordFileIn(dataDir)).doesNotExist();
        assertThatThrownBy(() -> KeystoreHubKeys.open(production.keystoreIn(dataDir),
                new KeystorePasswords(Map.of("HUB_KEYSTORE_PASSWORD", "another-password-0123")::get).resolve(production, dataDir),
                Clock.systemUTC()))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("password from environment variable HUB_KEYSTORE_PASSWORD");
    }

    @Test
    void resolveWhenPasswordFileGivenThenTrailingNewlineIsNotPartOfIt() throws Exception {
        Path secret = Files.writeString(dataDir.resolve("keystore.secret"), "correct horse battery staple\n");

        KeystorePassword password = new KeystorePasswords(NO_ENVIRONMENT).resolve(properties(secret, false), dataDir);

        assertThat(new String(password.chars())).isEqualTo("correct horse battery staple");
        assertThat(password.source()).contains(secret.toString());
    }

    @Test
    void resolveWhenEnvironmentAndFileBothGivenThenEnvironmentWins() throws Exception {
        Path secret = Files.writeString(dataDir.resolve("keystore.secret"), "from-file");

        KeystorePassword password = new KeystorePasswords(Map.of("HUB_KEYSTORE_PASSWORD", "from-env")::get)
                .resolve(properties(secret, false), dataDir);

        assertThat(new String(password.chars())).isEqualTo("from-env");
    }

    @Test
    void resolveWhenPasswordFileMissingThenFailsNamingIt() {
        Path secret = dataDir.resolve("nope.secret");

        assertThatThrownBy(() -> new KeystorePasswords(NO_ENVIRONMENT).resolve(properties(secret, true), dataDir))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("hub.keys.password-file " + secret);
    }

    @Test
    void resolveWhenNothingGivenInProductionThenFailsSayingWhatToSet() {
        assertThatThrownBy(() -> new KeystorePasswords(NO_ENVIRONMENT).resolve(properties(null, false), dataDir))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("HUB_KEYSTORE_PASSWORD")
                .hasMessageContaining("hub.keys.password-file");
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    @Test
    void resolveWhenNothingGivenInDemoThenGeneratesOwnerOnlyPasswordOnceAndReusesIt() throws Exception {
        KeysProperties demo = properties(null, true);

        KeystorePassword first = new KeystorePasswords(NO_ENVIRONMENT).resolve(demo, dataDir);
        KeystoreHubKeys.open(demo.keystoreIn(dataDir), first, Clock.systemUTC()).secretKey("kek-v1");
        KeystorePassword second = new KeystorePasswords(NO_ENVIRONMENT).resolve(demo, dataDir);

        Path file = KeysProperties.generatedPasswordFileIn(dataDir);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(first.chars()).hasSizeGreaterThanOrEqualTo(43).isEqualTo(second.chars());
        assertThat(second.source()).contains("generated file");
    }

    @Test
    void resolveWhenKeystoreExistsButGeneratedPasswordLostThenFailsInsteadOfGeneratingAnother() throws Exception {
        KeysProperties demo = properties(null, true);
        KeystorePassword first = new KeystorePasswords(NO_ENVIRONMENT).resolve(demo, dataDir);
        KeystoreHubKeys.open(demo.keystoreIn(dataDir), first, Clock.systemUTC());
        Files.delete(KeysProperties.generatedPasswordFileIn(dataDir));

        assertThatThrownBy(() -> new KeystorePasswords(NO_ENVIRONMENT).resolve(demo, dataDir))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("exists but its password is not available");
    }

    @Test
    void resolveWhenEnvironmentVariableBlankThenTreatedAsUnset() {
        assertThatThrownBy(() -> new KeystorePasswords(Map.of("HUB_KEYSTORE_PASSWORD", "  ")::get)
                .resolve(properties(null, false), dataDir))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("No keystore password");
    }

    private static KeysProperties properties(Path passwordFile, boolean generateIfMissing) {
        return new KeysProperties(null, passwordFile, generateIfMissing, 100, Duration.ofMinutes(5));
    }
}
