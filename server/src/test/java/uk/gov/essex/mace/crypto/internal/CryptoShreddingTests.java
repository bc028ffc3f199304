package uk.gov.essex.mace.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import uk.gov.essex.mace.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.crypto.CaseKeyDestroyedException;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.support.InMemoryMongo;

class CryptoShreddingTests {

    static final FieldContext NAME = new FieldContext("case-erase", "child", "child-1", "name", 1);
    static final FieldContext KEPT = new FieldContext("case-keep", "child", "child-2", "name", 1);

    @TempDir
    Path dataDir;

    InMemoryMongo mongo;
    MutableClock clock;
    TestCrypto hub;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        clock = new MutableClock(TestCrypto.START);
        hub = TestCrypto.in(dataDir, mongo.template()).clock(clock).build();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void destroyThenNothingSealedUnderTheKeyOpensEvenOnAFreshInstance() {
        byte[] sealed = storeRaw("child-1", hub.cipher.sealText(NAME, "Jayden Smith"));
        byte[] kept = hub.cipher.sealText(KEPT, "Another Child");

        hub.caseKeys.destroy("case-erase");

        assertThatThrownBy(() -> hub.cipher.open(NAME, sealed)).isInstanceOf(CaseKeyDestroyedException.class);
        TestCrypto fresh = TestCrypto.in(dataDir, mongo.template()).clock(clock).build();
        byte[] rawFromDatabase = mongo.template().getCollection("children").find(new Document("_id", "child-1")).first()
                .get("name", Binary.class).getData();
        assertThat(rawFromDatabase).isEqualTo(sealed);
        assertThatThrownBy(() -> fresh.cipher.open(NAME, rawFromDatabase))
                .isInstanceOf(CaseKeyDestroyedException.class)
                .hasMessageContaining("case-erase");
        assertThat(fresh.cipher.openText(KEPT, kept)).isEqualTo("Another Child");
    }

    @Test
    void destroyThenCaseKeysDocumentHoldsNoKeyMaterial() {
        hub.cipher.sealText(NAME, "Jayden Smith");
        byte[] wrapped = hub.store.find("case-erase").orElseThrow().wrappedKey();

        hub.caseKeys.destroy("case-erase");

        Document tombstone = mongo.template().getCollection("case_keys").find(new Document("_id", "case-erase")).first();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "destroyedAt");
        assertThat(tombstone.getDate("destroyedAt").toInstant()).isEqualTo(TestCrypto.START);
        assertThat(wrapped).isNotEmpty();
    }

    @Test
    void destroyThenSealForTheCaseIsRefusedSoNoNewKeyAppears() {
        hub.cipher.sealText(NAME, "Jayden Smith");
        hub.caseKeys.destroy("case-erase");

        assertThatThrownBy(() -> hub.cipher.sealText(NAME.withField("address"), "new data"))
                .isInstanceOf(CaseKeyDestroyedException.class);
        assertThatThrownBy(() -> TestCrypto.in(dataDir, mongo.template()).build().cipher.sealText(NAME, "again"))
                .isInstanceOf(CaseKeyDestroyedException.class);
    }

    @Test
    void destroyWhenCaseNeverHadAKeyThenLaterSealsAreRefused() {
        hub.caseKeys.destroy("case-erase");
        hub.caseKeys.destroy("case-erase");

        assertThatThrownBy(() -> hub.cipher.sealText(NAME, "x")).isInstanceOf(CaseKeyDestroyedException.class);
    }

    @Test
    void destroyOnOneInstanceThenAnotherInstanceStopsUsingItsCachedKeyAfterTheTtl() {
        TestCrypto other = TestCrypto.in(dataDir, mongo.template()).clock(clock).build();
        byte[] sealed = hub.cipher.sealText(NAME, "Jayden Smith");
        assertThat(other.cipher.openText(NAME, sealed)).isEqualTo("Jayden Smith");

        hub.caseKeys.destroy("case-erase");
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> other.cipher.open(NAME, sealed)).isInstanceOf(CaseKeyDestroyedException.class);
    }

    private byte[] storeRaw(String id, byte[] sealed) {
        mongo.template().getCollection("children").insertOne(new Document("_id", id).append("name", sealed));
        return sealed;
    }
}
