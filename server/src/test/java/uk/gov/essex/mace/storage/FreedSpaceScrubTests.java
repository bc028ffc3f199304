package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * After a scrub, nothing of the documents removed before it is left in the store file: not in the
 * chunks that held their old pages, not in the file's free space, not in the unused tail of a chunk
 * written from a reused buffer. Everything else stays, including what was written during the scrub.
 */
@ExtendWith(QuietLogs.class)
class FreedSpaceScrubTests {

    @TempDir
    Path dataDir;

    @Test
    void whenDocumentsAreRemovedThenScrubLeavesNoByteOfThemInTheFileAndKeepsEveryOtherWrite() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("macehub").getCollection("docs");
            writeMixedHistory(docs);
            docs.deleteMany(Filters.regex("_id", "^gone-"));
            assertThat(rawFile()).as("the removed documents' old pages are still in the file before the scrub")
                    .contains("SCRUB-CANARY-");

            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    String id = "during-" + i;
                    docs.insertOne(new Document("_id", id).append("text", "written during the scrub " + i));
                    acknowledged.add(id);
                    pause(2);
                }
            });
            writer.start();
            RemovedDataScrub.Report report = server.scrub().get(3, TimeUnit.MINUTES);
            writing.set(false);
            writer.join();

            assertThat(report.chunksRewritten()).isPositive();
            assertThat(report.bytesZeroed()).isPositive();
            assertThat(rawFile()).as("no byte of a removed document is left in the file").doesNotContain("SCRUB-CANARY-");
            assertThat(Files.exists(dataDir.resolve(EmbeddedMongoServer.SCRUB_PENDING))).isFalse();
            assertKept(docs, acknowledged);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertKept(client.getDatabase("macehub").getCollection("docs"), acknowledged);
        }
        assertThat(rawFile()).doesNotContain("SCRUB-CANARY-");
    }

    @Test
    void whenTheStoreIsKilledBeforeTheScrubEndsThenTheNextStartScrubs() throws Exception {
        Path portFile = dataDir.resolveSibling(dataDir.getFileName() + ".port");
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                StorageServerProcess.class.getName(), dataDir.toString(), Durability.GROUP_COMMIT.name(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(portFile) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String port = Files.readString(portFile).trim();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/macehub")) {
                MongoCollection<Document> docs = client.getDatabase("macehub").getCollection("docs");
                writeMixedHistory(docs);
                docs.deleteMany(Filters.regex("_id", "^gone-"));
            }
            // the erasure asked for a scrub (what EmbeddedMongoServer#scrub writes first), then the process died
            Files.writeString(dataDir.resolve(EmbeddedMongoServer.SCRUB_PENDING), "requested");
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(rawFile()).as("killed: no clean shutdown compacted the file").contains("SCRUB-CANARY-");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (Files.exists(dataDir.resolve(EmbeddedMongoServer.SCRUB_PENDING)) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(Files.exists(dataDir.resolve(EmbeddedMongoServer.SCRUB_PENDING))).as("scrubbed after the restart").isFalse();
            assertThat(rawFile()).doesNotContain("SCRUB-CANARY-");
            assertKept(client.getDatabase("macehub").getCollection("docs"), Set.of());
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Documents to keep and documents to remove, interleaved in the same pages, each written in its
     * own commit and updated a few times, so their pages are spread over many chunks.
     */
    private static void writeMixedHistory(MongoCollection<Document> docs) {
        for (int i = 0; i < 300; i++) {
            docs.insertOne(new Document("_id", "keep-%04d".formatted(i)).append("text", "KEEP-" + i).append("revision", 0));
            docs.insertOne(new Document("_id", "gone-%04d".formatted(i)).append("text", "SCRUB-CANARY-" + i + "-" + "x".repeat(200)));
        }
        for (int revision = 1; revision <= 3; revision++) {
            for (int i = 0; i < 300; i += 7) {
                docs.updateOne(Filters.eq("_id", "keep-%04d".formatted(i)), Updates.set("revision", revision));
                docs.updateOne(Filters.eq("_id", "gone-%04d".formatted(i)), Updates.set("note", "SCRUB-CANARY-note-" + revision));
            }
        }
    }

    private static void assertKept(MongoCollection<Document> docs, Set<String> writtenDuring) {
        List<String> kept = new ArrayList<>();
        for (Document doc : docs.find(Filters.regex("_id", "^keep-"))) {
            int i = Integer.parseInt(doc.getString("_id").substring("keep-".length()));
            assertThat(doc.getString("text")).isEqualTo("KEEP-" + i);
            assertThat(doc.getInteger("revision")).isEqualTo(i % 7 == 0 ? 3 : 0);
            kept.add(doc.getString("_id"));
        }
        assertThat(kept).hasSize(300);
        assertThat(docs.countDocuments(Filters.regex("_id", "^gone-"))).isZero();
        Set<String> during = new HashSet<>();
        docs.find(Filters.regex("_id", "^during-")).forEach(doc -> during.add(doc.getString("_id")));
        assertThat(during).as("every write acknowledged during the scrub").containsAll(writtenDuring);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String rawFile() throws IOException {
        return new String(Files.readAllBytes(dataDir.resolve(EmbeddedMongoServer.FILE_NAME)), StandardCharsets.ISO_8859_1);
    }
}
