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
 * An entry written before the change it records: the change is made only once the entry is
 * stored, and the call returns only once both are durable (one wait after the change).
 */
class AppendBeforeTests {

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
    void whenTheChangeIsMadeThenTheCallReturnsOnlyAfterTheWaitForBothAndOtherAppendsCarryOn() throws Exception {
        CompletableFuture<String> audited = CompletableFuture.supplyAsync(
                () -> trail.appendBefore(TestTrail.caseRead(1), () -> "stored"));
        assertThat(entries.barrierEntered.await(5, TimeUnit.SECONDS)).as("waiting for entry and change to be durable").isTrue();

        long other = trail.append(TestTrail.caseRead(2)); // a plain append is not held up meanwhile

        assertThat(other).isEqualTo(1L);
        assertThat(audited).as("entry and change not yet durable").isNotDone();
        entries.release.countDown();
        assertThat(audited.get(5, TimeUnit.SECONDS)).isEqualTo("stored");
    }

    @Test
    void whenDurabilityCannotBeConfirmedThenTheCallFailsClosed() {
        entries.failBarrier = true;
        entries.release.countDown();

        assertThatThrownBy(() -> trail.appendBefore(TestTrail.caseRead(1), () -> "stored"))
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("durable");
    }

    @Test
    void whenAChangeIsAuditedBeforehandThenItIsMadeOnlyOnceItsEntryIsStoredAndReturnedOnceBothAreDurable() {
        entries.release.countDown();
        AtomicInteger barriersBeforeTheChange = new AtomicInteger(-1);

        long entriesSeen = trail.appendBefore(TestTrail.caseRead(1), () -> {
            barriersBeforeTheChange.set(entries.barriers.get());
            return client.getDatabase("test").getCollection(AuditEntries.COLLECTION).countDocuments();
        });

        assertThat(entriesSeen).as("entries stored when the change was made").isEqualTo(1);
        assertThat(entries.barriers.get()).as("durability waits after the change").isGreaterThan(barriersBeforeTheChange.get());
    }

    @Test
    void whenTheEntryCannotBeStoredThenTheChangeIsNotMade() {
        entries.release.countDown();
        entries.failInsert = true;
        AtomicInteger changes = new AtomicInteger();

        assertThatThrownBy(() -> trail.appendBefore(TestTrail.caseRead(1), changes::incrementAndGet))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(changes).hasValue(0);
    }

    @Test
    void whenTheChangeFailsThenItsCallerGetsTheErrorAndThePlainAppendsItsBatchCarriedAreStillAnswered() throws Exception {
        entries.release.countDown();
        entries.holdDurableInsert = new CountDownLatch(1);
        // a plain append leads and is held inside its insert, so the next two queue behind it
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> trail.append(TestTrail.caseRead(1)));
        awaitParked(() -> entries.holdDurableInsert.getCount() == 1 && !first.isDone());
        Thread[] changer = new Thread[1];
        CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> {
            changer[0] = Thread.currentThread();
            return trail.appendBefore(TestTrail.caseRead(2), () -> {
                throw new IllegalStateException("disk full");
            });
        });
        awaitParked(() -> changer[0] != null && changer[0].getState() == Thread.State.TIMED_WAITING);
        Thread[] plain = new Thread[1];
        CompletableFuture<Long> carried = CompletableFuture.supplyAsync(() -> {
            plain[0] = Thread.currentThread();
            return trail.append(TestTrail.caseRead(3));
        });
        awaitParked(() -> plain[0] != null && plain[0].getState() == Thread.State.TIMED_WAITING);

        entries.holdDurableInsert.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(0L);
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
        // led by the failing caller, which still made its batch durable before answering it
        assertThat(carried.get(5, TimeUnit.SECONDS)).isEqualTo(2L);
        assertThat(entries.barriers).as("durability waits by the failing caller").hasValue(1);
    }

    private static void awaitParked(java.util.function.BooleanSupplier ready) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ready.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for the threads to queue").isLessThan(deadline);
            Thread.sleep(2);
        }
        Thread.sleep(5); // parked in the trail, not on its way there (its timed wait is 50 ms)
    }

    /** The real collection, with the durability wait held until released (the first time) or failing. */
    private static final class GatedEntries extends AuditEntries {

        final AtomicInteger inserts = new AtomicInteger();
        final AtomicInteger barriers = new AtomicInteger();
        volatile CountDownLatch holdDurableInsert = new CountDownLatch(0);
        volatile boolean failInsert;
        final CountDownLatch barrierEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failBarrier;

        GatedEntries(MongoTemplate mongo) {
            super(mongo);
        }

        @Override
        void insertInOrderUnjournaled(List<Document> docs) {
            if (failInsert) {
                throw new IllegalStateException("database gone");
            }
            super.insertInOrderUnjournaled(docs);
            inserts.incrementAndGet();
        }

        @Override
        void insertInOrder(List<Document> docs) {
            awaitReleased(holdDurableInsert);
            super.insertInOrder(docs);
        }

        @Override
        void awaitDurable() {
            barrierEntered.countDown();
            awaitReleased(release);
            if (failBarrier) {
                throw new IllegalStateException("commit failed");
            }
            super.awaitDurable();
            barriers.incrementAndGet();
        }

        private static void awaitReleased(CountDownLatch gate) {
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
