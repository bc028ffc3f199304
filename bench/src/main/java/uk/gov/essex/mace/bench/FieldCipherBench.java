package uk.gov.essex.mace.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.crypto.internal.CaseDataKeys;
import uk.gov.essex.mace.crypto.internal.CaseKeyStore;
import uk.gov.essex.mace.crypto.internal.DataKeyWrapper;
import uk.gov.essex.mace.crypto.internal.EnvelopeFieldCipher;
import uk.gov.essex.mace.crypto.internal.KeyEncryptionKeys;
import uk.gov.essex.mace.crypto.internal.KeysProperties;
import uk.gov.essex.mace.crypto.internal.KeystoreHubKeys;
import uk.gov.essex.mace.crypto.internal.KeystorePassword;

/**
 * Field encryption throughput: the hub's {@code FieldCipher} (SunJCE AES-256-GCM, per-case key from
 * the cache, associated data, versioned format) against a bare JCE {@code Cipher} doing AES/GCM with
 * the same key and a fresh random nonce, in the same run: on SunJCE without associated data (the
 * baseline; the hub's target is at least 80% of it), on SunJCE with as much associated data as the
 * hub binds (what the binding itself costs), and on BouncyCastle (the provider choice).
 *
 * <p>Run: see "Benchmark" in {@code security/KEY-MANAGEMENT.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class FieldCipherBench {

    private static final FieldContext FIELD = new FieldContext("case-bench", "intel-item", "item-1", "summary", 1);

    @Param({"1024", "65536"})
    int size;

    private Path dataDir;
    private MongoServer server;
    private MongoClient client;

    private EnvelopeFieldCipher hub;
    private SecretKey key;
    private final SecureRandom nonces = new SecureRandom();
    private Cipher sunJce;
    private Cipher bouncyCastle;

    private byte[] plaintext;
    private byte[] hubSealed;
    private byte[] rawNonce;
    private byte[] rawSealed;
    private byte[] bcSealed;
    private byte[] rawAadSealed;
    // As much associated data as the hub binds for FIELD: version, purpose and five length-prefixed parts.
    private final byte[] associatedData = new byte[80];

    @Setup(Level.Trial)
    public void setUp() throws IOException, GeneralSecurityException {
        dataDir = Files.createTempDirectory("field-cipher-bench");
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoTemplate mongo = new MongoTemplate(client, "bench");
        KeystoreHubKeys keys = KeystoreHubKeys.open(dataDir.resolve("keys/hub-keys.bcfks"),
                new KeystorePassword("bench-password".toCharArray(), "bench"), Clock.systemUTC());
        CaseDataKeys caseKeys = new CaseDataKeys(new CaseKeyStore(mongo), new DataKeyWrapper(new KeyEncryptionKeys(keys)),
                new KeysProperties(null, null, true, 10_000, Duration.ofMinutes(5)), Clock.systemUTC());
        hub = new EnvelopeFieldCipher(caseKeys);
        key = caseKeys.forSealing(FIELD.caseId());

        sunJce = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        bouncyCastle = Cipher.getInstance("AES/GCM/NoPadding", new BouncyCastleProvider());

        plaintext = new byte[size];
        new SecureRandom().nextBytes(plaintext);
        hubSealed = hub.seal(FIELD, plaintext);
        rawNonce = new byte[12];
        nonces.nextBytes(rawNonce);
        rawSealed = encrypt(sunJce, rawNonce);
        bcSealed = encrypt(bouncyCastle, rawNonce);
        Cipher withAad = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        withAad.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, rawNonce));
        withAad.updateAAD(associatedData);
        rawAadSealed = withAad.doFinal(plaintext);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        client.close();
        server.shutdownNow();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public byte[] hubSeal() {
        return hub.seal(FIELD, plaintext);
    }

    @Benchmark
    public byte[] hubOpen() {
        return hub.open(FIELD, hubSealed);
    }

    @Benchmark
    public byte[] rawSunJceSeal() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        nonces.nextBytes(nonce);
        return encrypt(sunJce, nonce);
    }

    @Benchmark
    public byte[] rawSunJceOpen() throws GeneralSecurityException {
        return decrypt(sunJce, rawSealed);
    }

    @Benchmark
    public byte[] rawSunJceWithAadSeal() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        nonces.nextBytes(nonce);
        sunJce.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        sunJce.updateAAD(associatedData);
        return sunJce.doFinal(plaintext);
    }

    @Benchmark
    public byte[] rawSunJceWithAadOpen() throws GeneralSecurityException {
        sunJce.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, rawNonce));
        sunJce.updateAAD(associatedData);
        return sunJce.doFinal(rawAadSealed);
    }

    @Benchmark
    public byte[] rawBouncyCastleSeal() throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        nonces.nextBytes(nonce);
        return encrypt(bouncyCastle, nonce);
    }

    @Benchmark
    public byte[] rawBouncyCastleOpen() throws GeneralSecurityException {
        return decrypt(bouncyCastle, bcSealed);
    }

    /**
     * A cross-check for shared or busy machines, where JMH's wall-clock scores swing with other
     * processes: runs the SunJCE and hub methods interleaved in small batches and times each batch by
     * this thread's CPU time, which descheduling does not inflate. Prints ns/op and hub/bare ratios.
     */
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : new int[] {1024, 65536}) {
            FieldCipherBench bench = new FieldCipherBench();
            bench.size = size;
            bench.setUp();
            try {
                Map<String, Callable<byte[]>> methods = new LinkedHashMap<>();
                methods.put("hubSeal", bench::hubSeal);
                methods.put("rawSunJceSeal", bench::rawSunJceSeal);
                methods.put("rawSunJceWithAadSeal", bench::rawSunJceWithAadSeal);
                methods.put("hubOpen", bench::hubOpen);
                methods.put("rawSunJceOpen", bench::rawSunJceOpen);
                methods.put("rawSunJceWithAadOpen", bench::rawSunJceWithAadOpen);
                int batch = size <= 1024 ? 2000 : 50;
                Map<String, Long> cpuNanos = new LinkedHashMap<>();
                long sink = 0;
                for (int round = 0; round < 500; round++) {
                    for (Map.Entry<String, Callable<byte[]>> method : methods.entrySet()) {
                        long start = threads.getCurrentThreadCpuTime();
                        for (int i = 0; i < batch; i++) {
                            sink += method.getValue().call().length;
                        }
                        if (round >= 150) { // the first rounds are JIT warm-up
                            cpuNanos.merge(method.getKey(), threads.getCurrentThreadCpuTime() - start, Long::sum);
                        }
                    }
                }
                long operations = 350L * batch;
                cpuNanos.forEach((name, nanos) -> System.out.printf("%-22s %6d B  %9.0f ns/op (thread CPU time)%n",
                        name, size, nanos / (double) operations));
                System.out.printf("hub / bare SunJCE throughput at %d B: seal %.2f, open %.2f (%d)%n", size,
                        cpuNanos.get("rawSunJceSeal") / (double) cpuNanos.get("hubSeal"),
                        cpuNanos.get("rawSunJceOpen") / (double) cpuNanos.get("hubOpen"), sink % 10);
                String kb = (size / 1024) + " KB";
                Figure.higher("field-cipher", "hub FieldCipher seal " + kb, operations * 1e9 / cpuNanos.get("hubSeal"), "ops/s",
                        "raw JCE AES-256-GCM seal", operations * 1e9 / cpuNanos.get("rawSunJceSeal"));
                Figure.higher("field-cipher", "hub FieldCipher open " + kb, operations * 1e9 / cpuNanos.get("hubOpen"), "ops/s",
                        "raw JCE AES-256-GCM open", operations * 1e9 / cpuNanos.get("rawSunJceOpen"));
                Figure.higher("field-cipher", "hub FieldCipher seal " + kb + " (against the same associated data)",
                        operations * 1e9 / cpuNanos.get("hubSeal"), "ops/s", "raw JCE AES-256-GCM seal with the hub's associated data",
                        operations * 1e9 / cpuNanos.get("rawSunJceWithAadSeal"));
            } finally {
                bench.tearDown();
            }
        }
    }

    private byte[] encrypt(Cipher cipher, byte[] nonce) throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(plaintext);
    }

    private byte[] decrypt(Cipher cipher, byte[] sealed) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, rawNonce));
        return cipher.doFinal(sealed);
    }
}
