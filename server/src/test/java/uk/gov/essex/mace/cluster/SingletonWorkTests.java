package uk.gov.essex.mace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.support.InMemoryMongo;

/**
 * The lease on mongo-java-server, the embedded store's engine (no transactions: one conditional findAndModify): one holder at a
 * time, the holder's own belief lapses when it stops renewing, another takes over once the lease
 * has expired, and a clean stop hands over at once.
 */
class SingletonWorkTests {

    private static final ClusterProperties FAST = new ClusterProperties("", Duration.ofMillis(800), Duration.ofMillis(200));

    // ScaleOutTests runs the real embedded store, in a process of its own
    private InMemoryMongo store;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        store = new InMemoryMongo();
        mongo = store.template();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SingletonWork instance(String id) {
        ClusterProperties properties = new ClusterProperties(id, FAST.leaseDuration(), FAST.renewEvery());
        return new SingletonWork(mongo, new HubInstance(properties, mongo), properties, "");
    }

    @Test
    void whenTwoInstancesTryThenOneHoldsAndOnlyItRunsTheWork() {
        SingletonWork a = instance("a");
        SingletonWork b = instance("b");
        a.tick();
        b.tick();
        a.tick();
        AtomicInteger runs = new AtomicInteger();

        assertThat(a.runIfHolder("job", runs::incrementAndGet)).isTrue();
        assertThat(b.runIfHolder("job", runs::incrementAndGet)).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(mongo.getCollection("leases").find(new Document("_id", "scheduled-work")).first().getString("holder"))
                .isEqualTo("a");
    }

    @Test
    void whenTheHolderStopsRenewingThenItStopsBelievingAndAnotherTakesOverAfterExpiry() throws Exception {
        SingletonWork a = instance("a");
        SingletonWork b = instance("b");
        a.tick();
        b.tick();
        assertThat(b.held()).isFalse();

        Thread.sleep(FAST.leaseDuration().toMillis() + 100); // a is "dead": no renewal
        assertThat(a.held()).as("its own deadline has passed").isFalse();
        b.tick();
        assertThat(b.held()).isTrue();
        a.tick(); // a comes back: the lease is b's now
        assertThat(a.held()).isFalse();
        assertThat(b.held()).isTrue();
    }

    @Test
    void whenTheHolderStopsCleanlyThenTheOtherTakesOverAtOnce() {
        SingletonWork a = instance("a");
        SingletonWork b = instance("b");
        a.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!a.held() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(a.held()).isTrue();
        a.stop();
        b.tick();
        assertThat(b.held()).isTrue();
    }
}
