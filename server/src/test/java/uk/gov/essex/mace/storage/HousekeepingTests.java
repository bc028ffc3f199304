package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * The store's chunk compaction runs beside writes, and is timed for operators with no tag naming
 * what it moved: its runs of page moves beside writes in {@code hub.storage.page-moves}, H2's own
 * locked steps in {@code hub.storage.compaction}; and its group commits in {@code hub.storage.commit}.
 */
@ExtendWith(QuietLogs.class)
class HousekeepingTests {

    @TempDir
    Path dataDir;

    @Test
    void whenChunksGoSparseUnderWritesThenPageMovesAreTimedAndNoDocumentIsLost() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int revision = 0;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            server.recordCompaction(meters);
            MongoCollection<Document> items = client.getDatabase("macehub").getCollection("items");
            List<Document> first = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                first.add(new Document("_id", "item-%05d".formatted(i)).append("revision", 0).append("text", "x".repeat(300)));
            }
            items.insertMany(first);
            Timer steps = meters.find("hub.storage.compaction").timer();
            Timer moves = meters.find("hub.storage.page-moves").timer();

            // chunks become rewritable only after the store's retention time (10 s)
            long deadline = System.nanoTime() + 40_000_000_000L;
            while (moves.count() == 0 && System.nanoTime() < deadline) {
                revision++;
                items.updateMany(Filters.regex("_id", "^item-[0-9]{4}[0-4]$"), Updates.set("revision", revision));
                Thread.sleep(200);
            }

            assertThat(moves.count()).as("runs of page moves that moved pages").isPositive();
            assertThat(moves.max(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(moves.getId().getTags()).isEmpty();
            assertThat(meters.find("hub.storage.page-moves.bytes").summary().totalAmount()).as("bytes moved").isPositive();
            assertThat(steps.getId().getTags()).isEmpty();
            Timer commits = meters.find("hub.storage.commit").timer();
            assertThat(commits.count()).as("group commits of the writes").isGreaterThanOrEqualTo(revision);
            assertThat(commits.getId().getTags()).isEmpty();
            assertEveryRevision(items, revision);
        }
        // and the file holds the same after a restart
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, Durability.GROUP_COMMIT);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertEveryRevision(client.getDatabase("macehub").getCollection("items"), revision);
        }
    }

    /** Items whose number ends in 0-4 were updated to {@code revision}, the others never. */
    private static void assertEveryRevision(MongoCollection<Document> items, int revision) {
        assertThat(items.countDocuments()).isEqualTo(2_000);
        for (Document item : items.find()) {
            int number = Integer.parseInt(item.getString("_id").substring("item-".length()));
            assertThat(item.getInteger("revision")).as(item.getString("_id")).isEqualTo(number % 10 < 5 ? revision : 0);
        }
    }
}
