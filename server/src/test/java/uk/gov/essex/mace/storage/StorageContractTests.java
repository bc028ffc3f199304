package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the hub needs from its database, written once and run against each kind of store: the
 * embedded server here and a real MongoDB where Docker is available.
 */
@ExtendWith(QuietLogs.class)
abstract class StorageContractTests {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 250;

    private StoreUnderTest store;
    private final String database = "contract_" + UUID.randomUUID().toString().replace("-", "");

    /** Starts a fresh store for one test. */
    abstract StoreUnderTest openStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void whenRestartedThenAcknowledgedDocumentsRemain() {
        try (MongoClient client = store.connect()) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            for (int i = 0; i < 50; i++) {
                cases.insertOne(new Document("_id", "case-" + i).append("quadrant", "RED"));
            }
            cases.updateOne(new Document("_id", "case-7"), new Document("$set", new Document("quadrant", "AMBER")));
            cases.deleteOne(new Document("_id", "case-9"));
        }

        store.restart();

        try (MongoClient client = store.connect()) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            assertThat(cases.countDocuments()).isEqualTo(49);
            assertThat(cases.find(new Document("_id", "case-7")).first()).containsEntry("quadrant", "AMBER");
            assertThat(cases.find(new Document("_id", "case-9")).first()).isNull();
        }
    }

    @Test
    void whenEightThreadsDrawFromOneSequenceThenEveryValueIsUniqueAndGapFree() throws Exception {
        ConcurrentLinkedQueue<Long> drawn = new ConcurrentLinkedQueue<>();
        try (MongoClient client = store.connect()) {
            Sequences sequences = new Sequences(new MongoTemplate(client, database));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            drawn.add(sequences.next("case-reference"));
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }

        long total = (long) THREADS * CALLS_PER_THREAD;
        assertThat(drawn).hasSize((int) total);
        assertThat(drawn.stream().sorted().toList()).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
    }

    @Test
    void whenSequencesHaveDifferentNamesThenEachCountsFromOne() {
        try (MongoClient client = store.connect()) {
            Sequences sequences = new Sequences(new MongoTemplate(client, database));
            assertThat(sequences.next("audit")).isEqualTo(1);
            assertThat(sequences.next("audit")).isEqualTo(2);
            assertThat(sequences.next("case-reference")).isEqualTo(1);
        }
    }

    @Test
    void whenSequenceNameIsBlankThenItIsRejected() {
        try (MongoClient client = store.connect()) {
            Sequences sequences = new Sequences(new MongoTemplate(client, database));

            assertThatThrownBy(() -> sequences.next(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void whenSequenceRestartedThenItContinuesWhereItStopped() {
        try (MongoClient client = store.connect()) {
            Sequences sequences = new Sequences(new MongoTemplate(client, database));
            for (int i = 0; i < 5; i++) {
                sequences.next("audit");
            }
        }

        store.restart();

        try (MongoClient client = store.connect()) {
            assertThat(new Sequences(new MongoTemplate(client, database)).next("audit")).isEqualTo(6);
        }
    }

    @Test
    void whenInsertBreaksUniqueIdThenClientGetsAnErrorNotAnAcknowledgement() {
        try (MongoClient client = store.connect()) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            cases.insertOne(new Document("_id", "case-1"));

            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "case-1")))
                    .isInstanceOf(MongoException.class);
            assertThat(cases.countDocuments()).isEqualTo(1);
        }
    }
    @Test
    void whenRestartedThenEveryKindOfValueReadsBackAsWritten() {
        Document written = new Document("_id", "mixed")
                .append("text", "Seen near the station \u2014 \uD83D\uDE95")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", -0.5)
                .append("flag", true)
                .append("nothing", null)
                .append("when", new java.util.Date(1_700_000_000_123L))
                .append("oid", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new org.bson.types.Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("uuid", new org.bson.types.Binary((byte) 4, new byte[16]))
                .append("decimal", org.bson.types.Decimal128.parse("12345.6789"))
                .append("nested", new Document("a", List.of(1, "two", new Document("three", 3.0))))
                .append("empty", new Document());
        try (MongoClient client = store.connect()) {
            client.getDatabase(database).getCollection("values").insertOne(written);
        }

        store.restart();

        try (MongoClient client = store.connect()) {
            assertThat(client.getDatabase(database).getCollection("values").find().first()).isEqualTo(written);
        }
    }

    @Test
    void whenRestartedThenAUniqueIndexStillFindsAndRefusesItsKeys() {
        try (MongoClient client = store.connect()) {
            MongoCollection<Document> items = client.getDatabase(database).getCollection("items");
            items.createIndex(new Document("caseId", 1).append("n", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                items.insertOne(new Document("_id", "item-" + i).append("caseId", "case-" + (i % 7)).append("n", (long) i));
            }
        }

        store.restart();

        try (MongoClient client = store.connect()) {
            MongoCollection<Document> items = client.getDatabase(database).getCollection("items");
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "again").append("caseId", "case-3").append("n", 3L)))
                    .isInstanceOf(MongoException.class);
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "item-5")))
                    .isInstanceOf(MongoException.class);
            items.insertOne(new Document("_id", "new").append("caseId", "case-3").append("n", 1000L));
            assertThat(items.find(new Document("_id", "item-150")).first()).containsEntry("caseId", "case-3");
            assertThat(items.countDocuments()).isEqualTo(201);
        }
    }
}
