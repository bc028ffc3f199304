package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.support.InMemoryMongo;

class KeystoreMatchesDatabaseTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    InMemoryMongo mongo;
    TestCrypto hub;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        hub = TestCrypto.in(dataDir, mongo.template()).build();
        for (int i = 0; i < 4; i++) {
            hub.cipher.sealText(new FieldContext("case-" + i, "intel-item", "item", "summary", 1), "note");
        }
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void verifyWhenKeystoreWrappedTheKeysThenPasses() {
        hub.rotation.rotate();
        hub.cipher.sealText(new FieldContext("case-new", "intel-item", "item", "summary", 1), "note");
        hub.keks.createNext(); // leaves keys under v2 while v3 is current

        assertThatCode(() -> TestCrypto.in(dataDir, mongo.template()).build().keystoreCheck.verify()).doesNotThrowAnyException();
    }

    @Test
    void verifyWhenDatabaseHoldsNoDataKeysThenPasses() {
        InMemoryMongo empty = new InMemoryMongo();
        try {
            assertThatCode(() -> TestCrypto.in(otherDataDir, empty.template()).build().keystoreCheck.verify())
                    .doesNotThrowAnyException();
        } finally {
            empty.close();
        }
    }

    @Test
    void verifyWhenKeystoreIsAFreshOneBesideAnExistingDatabaseThenFailsNamingTheKekAndFile() {
        TestCrypto wrongKeystore = TestCrypto.in(otherDataDir, mongo.template()).build();

        assertThatThrownBy(wrongKeystore.keystoreCheck::verify)
                .isInstanceOf(KeystoreUnavailableException.class)
                .hasMessageContaining("kek-v1")
                .hasMessageContaining(TestKeystores.keystoreIn(otherDataDir).toString())
                .hasMessageContaining("not this hub's keystore");
    }

    @Test
    void verifyWhenAnotherHubsKeystoreHasAKekOfTheSameVersionThenFails() {
        InMemoryMongo otherDatabase = new InMemoryMongo();
        try {
            TestCrypto otherHub = TestCrypto.in(otherDataDir, otherDatabase.template()).build();
            otherHub.cipher.sealText(new FieldContext("other", "intel-item", "item", "summary", 1), "creates its own kek-v1");

            TestCrypto mixedUp = TestCrypto.in(otherDataDir, mongo.template()).build();

            assertThatThrownBy(mixedUp.keystoreCheck::verify).isInstanceOf(KeystoreUnavailableException.class)
                    .hasMessageContaining("kek-v1");
        } finally {
            otherDatabase.close();
        }
    }

    @Test
    void verifyWhenOneSampledKeyDamagedButOthersUnwrapThenPasses() {
        Document first = mongo.template().getCollection("case_keys").find().first();
        byte[] bytes = first.get("wrappedKey", Binary.class).getData();
        bytes[5] ^= 1;
        mongo.template().getCollection("case_keys").updateOne(new Document("_id", first.get("_id")),
                new Document("$set", new Document("wrappedKey", new Binary(bytes))));

        assertThatCode(hub.keystoreCheck::verify).doesNotThrowAnyException();
    }
}
