package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Kills the server process with SIGKILL while eight writers insert, restarts it on the same data
 * and looks for every insert it had acknowledged. The same test run with the library's background
 * saving shows that it can tell durable from not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(QuietLogs.class)
class KillDurabilityTests {

    private static final Logger log = LoggerFactory.getLogger(KillDurabilityTests.class);
    private static final int WRITERS = 8;
    private static final int ACKS_BEFORE_KILL = 1_500;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1_500);

    @TempDir
    Path temp;

    @Test
    void whenKilledMidLoadWithGroupCommitThenEveryAcknowledgedInsertSurvives() throws Exception {
        KillResult result = killMidLoad(Durability.GROUP_COMMIT);

        assertThat(result.acknowledged()).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(result.lost()).isEmpty();
    }

    @Test
    void whenKilledMidLoadWithBackgroundSavingThenAcknowledgedInsertsAreLost() throws Exception {
        KillResult result = killMidLoad(Durability.BACKGROUND);

        // the store saves about once a second, so the last fraction of a second of acknowledged
        // inserts is gone: proof that the test above would fail for a store that is not durable
        assertThat(result.lost()).isNotEmpty();
    }

    private KillResult killMidLoad(Durability durability) throws Exception {
        Path dataDir = temp.resolve("data");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

        Process server = launch(dataDir, durability, "first");
        try (MongoClient client = MongoClients.create(settings(awaitPort(server, "first")))) {
            MongoCollection<Document> docs = client.getDatabase("macehub").getCollection("docs");
            docs.insertOne(new Document("_id", -1L));
            List<Thread> writers = startWriters(docs, acknowledged);
            Instant loadStart = Instant.now();
            while (acknowledged.size() < ACKS_BEFORE_KILL
                    || Duration.between(loadStart, Instant.now()).compareTo(LOAD_BEFORE_KILL) < 0) {
                Thread.sleep(5);
            }
            server.destroyForcibly().waitFor();
            for (Thread writer : writers) {
                writer.join(10_000);
            }
        } finally {
            server.destroyForcibly().waitFor();
        }

        Set<Long> present = new HashSet<>();
        Process restarted = launch(dataDir, durability, "second");
        try (MongoClient client = MongoClients.create(settings(awaitPort(restarted, "second")))) {
            for (Document doc : client.getDatabase("macehub").getCollection("docs").find()) {
                present.add(doc.getLong("_id"));
            }
        } finally {
            restarted.destroyForcibly().waitFor();
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(present);
        log.info("{}: {} inserts acknowledged before SIGKILL, {} lost", durability, acknowledged.size(), lost.size());
        System.out.printf("%s: %d inserts acknowledged before SIGKILL, %d lost%n", durability, acknowledged.size(), lost.size());
        return new KillResult(Set.copyOf(acknowledged), lost);
    }

    /** Each writer inserts until the server dies, recording an id only once its insert is acknowledged. */
    private static List<Thread> startWriters(MongoCollection<Document> docs, Set<Long> acknowledged) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            long base = w * 10_000_000L;
            Thread writer = new Thread(() -> {
                try {
                    for (long i = 0; ; i++) {
                        docs.insertOne(new Document("_id", base + i).append("body", "x".repeat(200)));
                        acknowledged.add(base + i);
                    }
                } catch (RuntimeException serverGone) {
                    // the insert in flight at the kill was never acknowledged, so it may go either way
                }
            }, "writer-" + w);
            writer.start();
            writers.add(writer);
        }
        return writers;
    }

    private Process launch(Path dataDir, Durability durability, String name) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path portFile = temp.resolve(name + ".port");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StorageServerProcess.class.getName(), dataDir.toString(), durability.name(), portFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile())
                .start();
    }

    private String awaitPort(Process server, String name) throws Exception {
        Path portFile = temp.resolve(name + ".port");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(portFile)) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("server process did not start:\n"
                        + Files.readString(temp.resolve(name + ".log")));
            }
            Thread.sleep(20);
        }
        return Files.readString(portFile).trim();
    }

    /** Short timeouts: once the server is killed, writers must fail fast, not wait to reconnect. */
    private static MongoClientSettings settings(String port) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/macehub"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS))
                .retryWrites(false)
                .build();
    }

    private record KillResult(Set<Long> acknowledged, Set<Long> lost) {
    }
}
