package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Signature;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreHubKeysTests {

    @TempDir
    Path dataDir;

    @Test
    void secretKeyWhenReopenedThenSameKeyMaterial() {
        SecretKey before = TestKeystores.open(dataDir).secretKey("blind-index");

        SecretKey after = TestKeystores.open(dataDir).secretKey("blind-index");

        assertThat(after.getEncoded()).hasSize(32).isEqualTo(before.getEncoded());
        assertThat(after.getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void keyPairWhenReopenedThenSameRsaKeysThatStillSign() throws Exception {
        KeyPair before = TestKeystores.open(dataDir).keyPair("jwt-signing", "RSA");
        byte[] signature = sign("SHA256withRSA", before, "token");

        KeyPair after = TestKeystores.open(dataDir).keyPair("jwt-signing", "RSA");

        assertThat(after.getPrivate().getEncoded()).isEqualTo(before.getPrivate().getEncoded());
        assertThat(after.getPublic().getEncoded()).isEqualTo(before.getPublic().getEncoded());
        assertThat(verify("SHA256withRSA", after, "token", signature)).isTrue();
    }

    @Test
    void keyPairWhenReopenedThenSameEd25519KeysAsJdkKeys() throws Exception {
        KeyPair before = TestKeystores.open(dataDir).keyPair("audit-tree-head", "Ed25519");
        byte[] signature = sign("Ed25519", before, "tree head 42");

        KeyPair after = TestKeystores.open(dataDir).keyPair("audit-tree-head", "Ed25519");

        assertThat(after.getPublic().getEncoded()).isEqualTo(before.getPublic().getEncoded());
        assertThat(after.getPrivate()).isInstanceOf(java.security.interfaces.EdECPrivateKey.class);
        assertThat(after.getPublic()).isInstanceOf(java.security.interfaces.EdECPublicKey.class);
        assertThat(verify("Ed25519", after, "tree head 42", signature)).isTrue();
        assertThat(sign("Ed25519", after, "tree head 42")).isEqualTo(signature); // Ed25519 is deterministic
    }

    @Test
    void keyPairWhenAliasHoldsAnotherAlgorithmThenRefuses() {
        KeystoreHubKeys keys = TestKeystores.open(dataDir);
        keys.keyPair("audit-tree-head", "Ed25519");
        keys.secretKey("blind-index");

        assertThatThrownBy(() -> keys.keyPair("audit-tree-head", "RSA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds an Ed25519 key pair");
        assertThatThrownBy(() -> keys.keyPair("blind-index", "RSA")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a secret key");
        assertThatThrownBy(() -> keys.keyPair("x", "DSA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openWhenPasswordWrongThenFailsNamingKeystoreAndPasswordSource() {
        TestKeystores.open(dataDir).secretKey("kek-v1");

        assertThatThrownBy(() -> TestKeystores.open(dataDir, "not-the-password", Clock.systemUTC()))
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining(TestKeystores.keystoreIn(dataDir).toString())
                .hasMessageContaining("wrong password or damaged file")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void openWhenFileMissingThenCreatesItInAnOwnerOnlyDirectory() throws Exception {
        Path file = dataDir.resolve("nested/keys/hub-keys.bcfks");

        KeystoreHubKeys keys = KeystoreHubKeys.open(file, TestKeystores.password("pw-0123456789"), Clock.systemUTC());

        assertThat(keys.aliases()).isEmpty();
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void openWhenFileDamagedThenFails() throws Exception {
        TestKeystores.open(dataDir).secretKey("kek-v1");
        Path file = TestKeystores.keystoreIn(dataDir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThatThrownBy(() -> TestKeystores.open(dataDir)).isInstanceOf(KeystoreUnavailableException.class);
    }

    @Test
    void fileIsBcfksOwnerOnlyAndHoldsNoPlainKeyOrTemporaryFiles() throws Exception {
        SecretKey key = TestKeystores.open(dataDir).secretKey("blind-index");
        Path file = TestKeystores.keystoreIn(dataDir);

        KeyStore store = KeyStore.getInstance("BCFKS", new BouncyCastleProvider());
        store.load(Files.newInputStream(file), TestCrypto.PASSWORD.toCharArray());
        assertThat(store.containsAlias("blind-index")).isTrue();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(indexOf(Files.readAllBytes(file), key.getEncoded())).isEqualTo(-1);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hub-keys.bcfks", "hub-keys.bcfks.lock");
        }
    }

    @Test
    void createWhenTwoInstancesShareTheFileThenNeitherLosesTheOthersKey() {
        KeystoreHubKeys first = TestKeystores.open(dataDir);
        KeystoreHubKeys second = TestKeystores.open(dataDir);

        SecretKey fromFirst = first.secretKey("kek-v1");
        SecretKey fromSecond = second.secretKey("blind-index");
        SecretKey firstSeenBySecond = second.secretKey("kek-v1");

        KeystoreHubKeys reopened = TestKeystores.open(dataDir);
        assertThat(reopened.aliases()).containsExactlyInAnyOrder("kek-v1", "blind-index");
        assertThat(firstSeenBySecond.getEncoded()).isEqualTo(fromFirst.getEncoded());
        assertThat(reopened.secretKey("blind-index").getEncoded()).isEqualTo(fromSecond.getEncoded());
    }

    @Test
    void createWhenManyThreadsAskAtOnceThenEachAliasCreatedOnce() throws Exception {
        KeystoreHubKeys keys = TestKeystores.open(dataDir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> tasks = IntStream.range(0, 32)
                    .<Callable<byte[]>>mapToObj(i -> () -> keys.secretKey("alias-" + (i % 4)).getEncoded())
                    .toList();
            List<Future<byte[]>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(results.get(i % 4).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestKeystores.open(dataDir).aliases()).containsExactlyInAnyOrder("alias-0", "alias-1", "alias-2", "alias-3");
    }

    @Test
    void deleteThenGoneAfterReopen() {
        KeystoreHubKeys keys = TestKeystores.open(dataDir);
        keys.secretKey("kek-v1");
        keys.secretKey("kek-v2");

        assertThat(keys.delete("kek-v1")).isTrue();
        assertThat(keys.delete("kek-v1")).isFalse();

        assertThat(TestKeystores.open(dataDir).aliases()).containsExactly("kek-v2");
    }

    @Test
    void passwordToStringIsRedacted() {
        assertThat(TestKeystores.password("hunter2hunter2")).hasToString("[REDACTED]");
    }

    private static byte[] sign(String algorithm, KeyPair pair, String message) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(pair.getPrivate());
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }

    private static boolean verify(String algorithm, KeyPair pair, String message, byte[] sig) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(pair.getPublic());
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        return signature.verify(sig);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
