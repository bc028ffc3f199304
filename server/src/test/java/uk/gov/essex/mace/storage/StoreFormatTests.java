package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * The embedded store's on-disk format: documents and index keys as BSON (format 2). A file the
 * hub wrote before (format 1: the H2 backend's Java-serialised objects) is rewritten on first open
 * and keeps every document and every unique key.
 */
@ExtendWith(QuietLogs.class)
class StoreFormatTests {

    @TempDir
    Path dataDir;

    @Test
    void whenFileIsInTheOldFormatThenItIsRewrittenAndKeepsDocumentsAndUniqueKeys() {
        writeFormatOne(dataDir.resolve(EmbeddedMongoServer.FILE_NAME));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("macehub").getCollection("items");
            assertThat(items.countDocuments()).isEqualTo(300);
            assertThat(items.find(new Document("_id", "item-42")).first())
                    .containsEntry("caseId", "case-2")
                    .containsEntry("seen", new Date(42_000L))
                    .containsEntry("tags", List.of("a", 42L));
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "dup").append("caseId", "case-2").append("seq", 42L)))
                    .isInstanceOf(MongoException.class);
            items.insertOne(new Document("_id", "item-new").append("caseId", "case-2").append("seq", 9_999L));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("macehub").getCollection("items");
            assertThat(items.countDocuments()).isEqualTo(301);
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "dup").append("caseId", "case-2").append("seq", 9_999L)))
                    .isInstanceOf(MongoException.class);
        }
        assertThat(format(dataDir.resolve(EmbeddedMongoServer.FILE_NAME))).isEqualTo(StoredMaps.FORMAT);
    }

    @Test
    void whenFileIsNewThenItIsMarkedWithTheCurrentFormat() {
        EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT).close();

        assertThat(format(dataDir.resolve(EmbeddedMongoServer.FILE_NAME))).isEqualTo(StoredMaps.FORMAT);
    }

    @Test
    void whenFileIsFromANewerHubThenStartingRefusesInsteadOfMisreadingIt() {
        Path file = dataDir.resolve(EmbeddedMongoServer.FILE_NAME);
        MVStore store = MVStore.open(file.toString());
        store.openMap(StoredMaps.STORE_INFO).put("format", StoredMaps.FORMAT + 1);
        store.close();

        assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT))
                .hasMessageContaining("newer than this hub reads");
    }

    /** What the hub wrote before format 2: the library's own backend on the same file. */
    private static void writeFormatOne(Path file) {
        MongoServer server = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        String address = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(address)) {
            MongoCollection<Document> items = client.getDatabase("macehub").getCollection("items");
            items.createIndex(new Document("caseId", 1).append("seq", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                items.insertOne(new Document("_id", "item-" + i).append("caseId", "case-" + (i % 10)).append("seq", (long) i)
                        .append("seen", new Date(i * 1_000L)).append("tags", List.of("a", (long) i)));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static Object format(Path file) {
        MVStore store = MVStore.open(file.toString());
        try {
            return store.openMap(StoredMaps.STORE_INFO).get("format");
        } finally {
            store.close();
        }
    }
}
