package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.support.InMemoryMongo;

class EnvelopeFieldCipherTests {

    static final FieldContext NOTE = new FieldContext("case-1", "intel-item", "item-7", "summary", 3);

    @TempDir
    Path dataDir;

    InMemoryMongo mongo;
    TestCrypto hub;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        hub = TestCrypto.in(dataDir, mongo.template()).build();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void sealThenOpenRoundTrips() {
        byte[] sealed = hub.cipher.sealText(NOTE, "Seen with older males near the station, 21:40");

        assertThat(hub.cipher.openText(NOTE, sealed)).isEqualTo("Seen with older males near the station, 21:40");
        assertThat(sealed).hasSize(1 + 12 + "Seen with older males near the station, 21:40".length() + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
    }

    @Test
    void sealWhenEmptyOrLargeThenRoundTrips() {
        byte[] large = new byte[256 * 1024];
        new java.util.Random(7).nextBytes(large);

        assertThat(hub.cipher.open(NOTE, hub.cipher.seal(NOTE, new byte[0]))).isEmpty();
        assertThat(hub.cipher.open(NOTE, hub.cipher.seal(NOTE, large))).isEqualTo(large);
    }

    @Test
    void sealWhenSameValueTwiceThenCiphertextsDiffer() {
        assertThat(hub.cipher.sealText(NOTE, "same")).isNotEqualTo(hub.cipher.sealText(NOTE, "same"));
    }

    @Test
    void openWhenAnySingleBitFlippedThenRefuses() {
        byte[] sealed = hub.cipher.sealText(NOTE, "a short note");

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> hub.cipher.open(NOTE, tampered))
                    .as("flipped bit in byte %d", i)
                    .isInstanceOf(CiphertextRejectedException.class);
        }
    }

    @Test
    void openWhenTruncatedExtendedOrEmptyThenRefuses() {
        byte[] sealed = hub.cipher.sealText(NOTE, "a short note");

        assertThatThrownBy(() -> hub.cipher.open(NOTE, java.util.Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hub.cipher.open(NOTE, java.util.Arrays.copyOf(sealed, sealed.length + 1)))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hub.cipher.open(NOTE, java.util.Arrays.copyOf(sealed, 20)))
                .isInstanceOf(CiphertextRejectedException.class).hasMessageContaining("not a ciphertext");
        assertThatThrownBy(() -> hub.cipher.open(NOTE, new byte[0])).isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hub.cipher.open(NOTE, null)).isInstanceOf(CiphertextRejectedException.class);
    }

    static Stream<Arguments> elsewhere() {
        return Stream.of(
                Arguments.of("another case", (UnaryOperator<FieldContext>) c -> new FieldContext("case-2", c.recordType(), c.recordId(), c.field(), c.revision())),
                Arguments.of("another record type", (UnaryOperator<FieldContext>) c -> new FieldContext(c.caseId(), "meeting-minute", c.recordId(), c.field(), c.revision())),
                Arguments.of("another record", (UnaryOperator<FieldContext>) c -> new FieldContext(c.caseId(), c.recordType(), "item-8", c.field(), c.revision())),
                Arguments.of("another field", (UnaryOperator<FieldContext>) c -> c.withField("source")),
                Arguments.of("an older revision", (UnaryOperator<FieldContext>) c -> new FieldContext(c.caseId(), c.recordType(), c.recordId(), c.field(), c.revision() - 1)),
                Arguments.of("a newer revision", (UnaryOperator<FieldContext>) c -> new FieldContext(c.caseId(), c.recordType(), c.recordId(), c.field(), c.revision() + 1)),
                Arguments.of("ids that concatenate alike", (UnaryOperator<FieldContext>) c -> new FieldContext(c.caseId(), c.recordType(), "item-", "7" + c.field(), c.revision())));
    }

    @ParameterizedTest(name = "open when ciphertext moved to {0} then refuses")
    @MethodSource("elsewhere")
    void openWhenCiphertextMovedElsewhereThenRefuses(String where, UnaryOperator<FieldContext> move) {
        hub.cipher.sealText(move.apply(NOTE), "gives the other case a data key too");
        byte[] sealed = hub.cipher.sealText(NOTE, "belongs to item-7 summary at revision 3");

        assertThatThrownBy(() -> hub.cipher.open(move.apply(NOTE), sealed))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageNotContaining("belongs to item-7");
    }

    @Test
    void openWhenCiphertextsSwappedBetweenTwoRecordsThenBothRefused() {
        FieldContext other = new FieldContext("case-1", "intel-item", "item-8", "summary", 3);
        byte[] mine = hub.cipher.sealText(NOTE, "mine");
        byte[] theirs = hub.cipher.sealText(other, "theirs");

        assertThatThrownBy(() -> hub.cipher.open(NOTE, theirs)).isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hub.cipher.open(other, mine)).isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void openWhenCaseNeverHadAKeyThenRefusesWithoutCreatingOne() {
        byte[] sealed = hub.cipher.sealText(NOTE, "x");
        FieldContext unknown = new FieldContext("case-never", "intel-item", "item-7", "summary", 3);

        assertThatThrownBy(() -> hub.cipher.open(unknown, sealed))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("has no data key");
        assertThat(hub.store.find("case-never")).isEmpty();
    }

    @Test
    void openWhenWrappedKeyMovedToAnotherCaseThenRefuses() {
        hub.cipher.sealText(NOTE, "case 1");
        FieldContext case2 = new FieldContext("case-2", "intel-item", "item-1", "summary", 1);
        byte[] sealed2 = hub.cipher.sealText(case2, "case 2");
        Document case1Key = mongo.template().getCollection("case_keys").find(new Document("_id", "case-1")).first();
        mongo.template().getCollection("case_keys").updateOne(new Document("_id", "case-2"),
                new Document("$set", new Document("wrappedKey", case1Key.get("wrappedKey"))));

        TestCrypto restarted = TestCrypto.in(dataDir, mongo.template()).build();

        assertThatThrownBy(() -> restarted.cipher.open(case2, sealed2))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("wrapped data key of case case-2");
    }

    @Test
    void openWhenFreshInstanceThenOpensWhatAnotherSealed() {
        byte[] sealed = hub.cipher.sealText(NOTE, "still here after restart");

        TestCrypto restarted = TestCrypto.in(dataDir, mongo.template()).build();

        assertThat(restarted.cipher.openText(NOTE, sealed)).isEqualTo("still here after restart");
    }

    @Test
    void sealWhenManyInstancesCreateTheSameCaseKeyAtOnceThenOneKeyWins() throws Exception {
        List<TestCrypto> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(TestCrypto.in(dataDir, mongo.template()).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<byte[]>> sealers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TestCrypto instance = instances.get(i % instances.size());
            sealers.add(() -> {
                go.await();
                return instance.caseKeys.forSealing("case-race").getEncoded();
            });
        }
        List<Future<byte[]>> futures = new ArrayList<>();
        try {
            sealers.forEach(sealer -> futures.add(pool.submit(sealer)));
            go.countDown();
            Set<String> keys = new HashSet<>();
            for (Future<byte[]> future : futures) {
                keys.add(java.util.HexFormat.of().formatHex(future.get()));
            }
            assertThat(keys).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.template().getCollection("case_keys").countDocuments(new Document("_id", "case-race"))).isEqualTo(1);
        FieldContext field = new FieldContext("case-race", "intel-item", "i", "f", 0);
        assertThat(instances.get(3).cipher.openText(field, instances.get(0).cipher.sealText(field, "shared"))).isEqualTo("shared");
    }

    @Test
    void storedCollectionsWhenScannedRawThenHoldNoPlaintextOrDataKey() {
        String canary = "CANARY-Jayden-Smith-2011-04-09-do-not-store";
        List<Document> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FieldContext context = new FieldContext("case-" + i, "intel-item", "item-" + i, "summary", 1);
            records.add(new Document("_id", "item-" + i).append("caseId", "case-" + i)
                    .append("summary", hub.cipher.sealText(context, canary + " record " + i)));
        }
        mongo.template().getCollection("intel_items").insertMany(records);
        byte[] dataKey = hub.caseKeys.forSealing("case-0").getEncoded();

        byte[] canaryBytes = canary.getBytes(StandardCharsets.UTF_8);
        for (String collection : List.of("intel_items", "case_keys")) {
            for (RawBsonDocument raw : mongo.template().getDb().getCollection(collection, RawBsonDocument.class).find()) {
                byte[] bytes = java.util.Arrays.copyOf(raw.getByteBuffer().array(), raw.getByteBuffer().remaining());
                assertThat(KeystoreHubKeysTests.indexOf(bytes, canaryBytes)).as(collection).isEqualTo(-1);
                assertThat(KeystoreHubKeysTests.indexOf(bytes, dataKey)).as(collection).isEqualTo(-1);
            }
        }
        Document stored = mongo.template().getCollection("intel_items").find(new Document("_id", "item-0")).first();
        assertThat(stored.get("summary")).isInstanceOf(Binary.class);
        FieldContext context = new FieldContext("case-0", "intel-item", "item-0", "summary", 1);
        assertThat(hub.cipher.openText(context, stored.get("summary", Binary.class).getData())).isEqualTo(canary + " record 0");
    }
}
