package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.audit.AuditUnavailableException;

/**
 * A batch is inserted under the trail's lock and made durable after it: an append returns only
 * once its entry is durable, and the next batch is inserted meanwhile.
 */
class PipelinedAppendTests {

    private MongoServer server;
    private MongoClient client;
    private GatedEntries entries;
    private MongoAuditTrail trail;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        MongoTemplate mongo = new MongoTemplate(client, "test");
        entries = new GatedEntries(mongo);
        trail = new MongoAuditTrail(entries, new TrailEnd(entries, new TreeHeads(mongo)), new EntrySeal(new TestKeys()),
                TestTrail.CLOCK);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void whenABatchAwaitsDurabilityThenTheNextIsInsertedAndNeitherAppendReturnsBeforeItsOwnIsDurable() throws Exception {
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> trail.append(TestTrail.caseRead(1)));
        assertThat(entries.barrierEntered.await(5, TimeUnit.SECONDS)).as("first batch awaiting durability").isTrue();

        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> trail.append(TestTrail.caseRead(2)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (entries.inserts.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertThat(entries.inserts).as("batches inserted while the first awaits durability").hasValue(2);
        assertThat(first).as("first append, its entry not yet durable").isNotDone();
        assertThat(second).as("second append, its entry not yet durable").isNotDone();
        entries.release.countDown();
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS))).containsExactly(0L, 1L);
    }

    @Test
    void whenDurabilityCannotBeConfirmedThenTheAppendFailsClosed() {
        entries.failBarrier = true;
        entries.release.countDown();

        assertThatThrownBy(() -> trail.append(TestTrail.caseRead(1)))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("durable");
    }

    /** The real collection, with the durability wait held until released (the first time) or failing. */
    private static final class GatedEntries extends AuditEntries {

        final AtomicInteger inserts = new AtomicInteger();
        final CountDownLatch barrierEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failBarrier;

        GatedEntries(MongoTemplate mongo) {
            super(mongo);
        }

        @Override
        void insertInOrderUnjournaled(List<Document> docs) {
            super.insertInOrderUnjournaled(docs);
            inserts.incrementAndGet();
        }

        @Override
        void awaitDurable() {
            barrierEntered.countDown();
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failBarrier) {
                throw new IllegalStateException("commit failed");
            }
            super.awaitDurable();
        }
    }
}
