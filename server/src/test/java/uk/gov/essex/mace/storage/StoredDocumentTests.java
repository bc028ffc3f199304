package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Documents in a collection's map are held as {@link StoredDocument}s: a page read back only to be
 * moved by chunk compaction is copied as bytes, and a document is decoded only when read.
 */
@ExtendWith(QuietLogs.class)
class StoredDocumentTests {

    private static final String MAP = StoredMaps.documentsMapName("macehub.items");

    @TempDir
    Path dataDir;

    @Test
    void whenCompactionMovesPagesThenItDecodesNoDocumentAndEveryDocumentSurvives() {
        Path file = dataDir.resolve("store.db");
        writeManyChunks(file);

        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(1).open();
        try {
            MVMap<Object, StoredDocument> items = StoredMaps.openDocuments(store, MAP);
            store.setRetentionTime(0); // H2 moves pages only out of chunks older than this

            assertThat(store.compact(100, Integer.MAX_VALUE)).as("pages were moved").isTrue();
            store.commit();

            List<StoredDocument> moved = new ArrayList<>();
            items.values().forEach(moved::add);
            assertThat(moved).hasSize(2_000).noneMatch(StoredDocument::isDecoded);
        } finally {
            store.close();
        }

        MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, StoredDocument> items = StoredMaps.openDocuments(reopened, MAP);
            assertThat(items.sizeAsLong()).isEqualTo(2_000);
            assertThat(items.get(key(1234)).document()).isEqualTo(document(1234));
        } finally {
            reopened.close();
        }
    }

    /**
     * The backend updates the decoded document it read in place before storing the result: what
     * is read afterwards, and what a reopened store holds, is the last update.
     */
    @Test
    void whenAReadDocumentIsUpdatedThenReadsAndTheReopenedFileHoldTheLastUpdate() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<org.bson.Document> cases = client.getDatabase("macehub").getCollection("cases");
            cases.insertOne(new org.bson.Document("_id", "case-1").append("quadrant", "NORTH").append("revision", 1));
            for (int revision = 2; revision <= 5; revision++) {
                assertThat(cases.find(new org.bson.Document("_id", "case-1")).first()).containsEntry("revision", revision - 1);
                cases.updateOne(new org.bson.Document("_id", "case-1"),
                        new org.bson.Document("$set", new org.bson.Document("revision", revision)).append("$unset", new org.bson.Document("quadrant", "")));
            }
            assertThat(cases.find(new org.bson.Document("revision", 5)).first()).doesNotContainKey("quadrant");
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<org.bson.Document> cases = client.getDatabase("macehub").getCollection("cases");
            assertThat(cases.find().into(new ArrayList<>()))
                    .containsExactly(new org.bson.Document("_id", "case-1").append("revision", 5));
        }
    }

    /**
     * The collection's data size is kept from the stored bytes (not by encoding each document
     * again): after inserts, a growing update and a delete it is the BSON size of what is left,
     * and it survives a restart.
     */
    @Test
    void whenDocumentsAreInsertedUpdatedAndRemovedThenTheDataSizeIsTheBsonSizeOfWhatIsLeft() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<org.bson.Document> cases = client.getDatabase("macehub").getCollection("cases");
            for (int i = 0; i < 3; i++) {
                cases.insertOne(new org.bson.Document("_id", "case-" + i).append("notes", "n".repeat(100 * (i + 1))));
            }
            cases.updateOne(new org.bson.Document("_id", "case-1"),
                    new org.bson.Document("$set", new org.bson.Document("notes", "m".repeat(1_000)).append("grading", "B2")));
            cases.deleteOne(new org.bson.Document("_id", "case-2"));

            assertThat(dataSize(client)).isEqualTo(bsonSizeOfAll(cases)).isGreaterThan(1_100);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(dataSize(client)).isEqualTo(bsonSizeOfAll(client.getDatabase("macehub").getCollection("cases")));
        }
    }

    private static long dataSize(MongoClient client) {
        return client.getDatabase("macehub").runCommand(new org.bson.Document("collStats", "cases")).get("size", Number.class).longValue();
    }

    private static long bsonSizeOfAll(MongoCollection<org.bson.Document> collection) {
        long size = 0;
        for (RawBsonDocument document : collection.withDocumentClass(RawBsonDocument.class).find()) {
            size += document.getByteBuffer().remaining();
        }
        return size;
    }

    @Test
    void whenADocumentIsReadThenItIsDecodedOnceAndKeepsTheBytesItWasReadFrom() {
        Document original = document(7);
        byte[] bson = DocumentType.encode(original);

        StoredDocument stored = StoredDocument.ofBson(bson);

        assertThat(stored.isDecoded()).isFalse();
        assertThat(stored.document()).isEqualTo(original).isSameAs(stored.document());
        assertThat(stored.bson()).isSameAs(bson);
    }

    @Test
    void whenTwoStoredFormsHoldEqualDocumentsThenTheTypeComparesThemEqual() {
        StoredDocument fromBytes = StoredDocument.ofBson(DocumentType.encode(document(3)));
        StoredDocument fromDocument = StoredDocument.of(document(3));

        assertThat(DocumentType.INSTANCE.compare(fromBytes, fromDocument)).isZero();
        assertThat(DocumentType.INSTANCE.compare(fromBytes, StoredDocument.of(document(4)))).isNotZero();
    }

    /**
     * 2,000 documents in 10 commits, then every other hundred replaced, so each of the first chunks
     * keeps about half its pages live.
     */
    private static void writeManyChunks(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            MVMap<Object, StoredDocument> items = StoredMaps.openDocuments(store, MAP);
            for (int i = 0; i < 2_000; i++) {
                items.put(key(i), StoredDocument.of(document(i)));
                if (i % 200 == 199) {
                    store.commit();
                }
            }
            for (int i = 0; i < 2_000; i++) {
                if (i / 100 % 2 == 0) {
                    items.put(key(i), StoredDocument.of(document(i)));
                }
            }
            store.commit();
        } finally {
            store.close(0); // no compaction on the way out: that is what the test does
        }
    }

    private static String key(int i) {
        return "item-%04d".formatted(i);
    }

    private static Document document(int i) {
        return new Document("_id", key(i))
                .append("caseId", "case-" + (i % 7))
                .append("seq", (long) i)
                .append("seen", Instant.ofEpochSecond(i))
                .append("text", "intelligence item number " + i + " ".repeat(200))
                .append("tags", List.of("a", (long) i));
    }
}
