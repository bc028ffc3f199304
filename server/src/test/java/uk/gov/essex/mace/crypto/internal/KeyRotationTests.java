package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.crypto.KeyRotation;
import uk.gov.essex.mace.support.InMemoryMongo;

class KeyRotationTests {

    @TempDir
    Path dataDir;

    InMemoryMongo mongo;
    TestCrypto hub;
    Map<FieldContext, byte[]> sealed;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        hub = TestCrypto.in(dataDir, mongo.template()).build();
        sealed = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            FieldContext context = new FieldContext("case-" + i, "intel-item", "item-" + i, "summary", 1);
            sealed.put(context, hub.cipher.sealText(context, "note " + i));
        }
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void rotateThenEveryDataKeyIsUnderTheNewKekAndCiphertextsAreUntouchedAndStillOpen() {
        List<Binary> wrappedBefore = wrappedKeys();

        KeyRotation.Rotation result = hub.rotation.rotate();

        assertThat(result).isEqualTo(new KeyRotation.Rotation(2, 7, 0, 0));
        assertThat(mongo.template().getCollection("case_keys").find())
                .allSatisfy(doc -> assertThat(doc.getInteger("kekVersion")).isEqualTo(2))
                .hasSize(7);
        assertThat(wrappedKeys()).doesNotContainAnyElementsOf(wrappedBefore);
        TestCrypto restarted = TestCrypto.in(dataDir, mongo.template()).build();
        sealed.forEach((context, ciphertext) ->
                assertThat(restarted.cipher.openText(context, ciphertext)).isEqualTo("note " + context.caseId().substring(5)));
        assertThat(hub.keks.versions()).containsExactly(1, 2);
    }

    @Test
    void rotateThenFieldCiphertextBytesAreIdentical() {
        mongo.template().getCollection("intel_items").insertMany(sealed.entrySet().stream()
                .map(e -> new Document("_id", e.getKey().recordId()).append("summary", e.getValue())).toList());
        List<Document> before = mongo.template().getCollection("intel_items").find().into(new ArrayList<>());

        hub.rotation.rotate();

        assertThat(mongo.template().getCollection("intel_items").find().into(new ArrayList<>())).isEqualTo(before);
    }

    @Test
    void rotateThenNewCasesAreWrappedUnderTheNewKek() {
        hub.rotation.rotate();

        hub.cipher.sealText(new FieldContext("case-new", "intel-item", "x", "summary", 1), "new");

        assertThat(hub.store.find("case-new").orElseThrow().kekVersion()).isEqualTo(2);
    }

    @Test
    void retireAfterRotationThenOldKekLeavesTheKeystoreAndDataStillOpens() {
        hub.rotation.rotate();

        KeyRotation.Retirement retirement = hub.rotation.retireUnusedKeks();

        assertThat(retirement.retired()).containsExactly(1);
        assertThat(retirement.stillInUse()).isEmpty();
        TestCrypto restarted = TestCrypto.in(dataDir, mongo.template()).build();
        assertThat(restarted.hubKeys.aliases()).doesNotContain("kek-v1").contains("kek-v2");
        sealed.forEach((context, ciphertext) -> assertThat(restarted.cipher.open(context, ciphertext)).isNotEmpty());
    }

    @Test
    void retireWhenDataKeysStillUnderAnOldKekThenKeepsIt() {
        hub.keks.createNext(); // a new KEK without re-wrapping, as if a rotation had stopped half-way

        KeyRotation.Retirement retirement = hub.rotation.retireUnusedKeks();

        assertThat(retirement.retired()).isEmpty();
        assertThat(retirement.stillInUse()).containsExactly(1);
        assertThat(hub.hubKeys.aliases()).contains("kek-v1", "kek-v2");
    }

    @Test
    void rotateWhenOneWrappedKeyDamagedThenCountsItAndRewrapsTheRest() {
        Document damaged = mongo.template().getCollection("case_keys").find(new Document("_id", "case-3")).first();
        byte[] bytes = damaged.get("wrappedKey", Binary.class).getData();
        bytes[bytes.length - 1] ^= 1;
        mongo.template().getCollection("case_keys").updateOne(new Document("_id", "case-3"),
                new Document("$set", new Document("wrappedKey", new Binary(bytes))));

        KeyRotation.Rotation result = hub.rotation.rotate();

        assertThat(result).isEqualTo(new KeyRotation.Rotation(2, 6, 0, 1));
        assertThat(hub.rotation.retireUnusedKeks().stillInUse()).containsExactly(1);
    }

    @Test
    void rotateLeavesDestroyedCasesDestroyed() {
        hub.caseKeys.destroy("case-2");

        KeyRotation.Rotation result = hub.rotation.rotate();

        assertThat(result.rewrapped()).isEqualTo(6);
        assertThat(mongo.template().getCollection("case_keys").find(new Document("_id", "case-2")).first().keySet())
                .containsExactlyInAnyOrder("_id", "destroyedAt");
    }

    @Test
    void rotateWhenManyPagesThenAllRewrapped() {
        for (int i = 0; i < 1100; i++) {
            hub.store.insert(String.format("bulk-%05d", i), 1,
                    new DataKeyWrapper(hub.keks).wrap(hub.keks.version(1), String.format("bulk-%05d", i),
                            hub.caseKeys.forSealing("case-0")), TestCrypto.START);
        }

        KeyRotation.Rotation result = hub.rotation.rotate();

        assertThat(result.rewrapped()).isEqualTo(1107);
        assertThat(hub.store.countWrappedUnder(1)).isZero();
    }

    @Test
    void retireNeverRemovesTheCurrentKek() {
        assertThat(hub.rotation.retireUnusedKeks().retired()).isEmpty();
        assertThatThrownBy(() -> hub.keks.retire(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commandsReturnZeroWhenDoneAndNonZeroWhenKeysAreLeftBehind() {
        KeyCommands commands = new KeyCommands(hub.rotation, null, null);

        assertThat(commands.execute(KeyCommands.ROTATE)).isZero();
        assertThat(commands.execute(KeyCommands.RETIRE)).isZero();
        hub.keks.createNext();
        assertThat(commands.execute(KeyCommands.RETIRE)).isEqualTo(1);
    }

    private List<Binary> wrappedKeys() {
        List<Binary> keys = new ArrayList<>();
        mongo.template().getCollection("case_keys").find().forEach(doc -> keys.add(doc.get("wrappedKey", Binary.class)));
        return keys;
    }
}
