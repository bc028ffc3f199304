package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.audit.AuditUnavailableException;

/** Appends racing in one process and across two "processes" (separate clients) on one database. */
class ConcurrentAppendTests {

    private MongoServer server;
    private String uri;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void appendWhenTwoTrailInstancesRaceThenOneTreeWithEveryEntry() throws Exception {
        int perThread = 150;
        Set<Long> sequences = ConcurrentHashMap.newKeySet();
        try (TestTrail first = new TestTrail(uri);
                TestTrail second = new TestTrail(uri)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                TestTrail hub = t % 2 == 0 ? first : second;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        assertThat(sequences.add(hub.trail.append(TestTrail.caseRead(i)))).isTrue();
                        if (i % 50 == 0) {
                            hub.proofs.signTreeHead();
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            second.proofs.signTreeHead();

            VerificationReport report = first.verifier.verify();
            assertThat(report.intact()).as("%s", report.firstFinding()).isTrue();
            assertThat(report.entriesChecked()).isEqualTo(6L * perThread);
            assertThat(report.verifiedTreeSize()).isEqualTo(6L * perThread);
            assertThat(sequences).hasSize(6 * perThread);
            assertThat(first.proofs.consistency(1, 6L * perThread).toRoot())
                    .isEqualTo(second.proofs.latestHead().rootHash());
        }
    }

    @Test
    void appendWhenDatabaseGoneThenAuditUnavailable() {
        try (TestTrail hub = new TestTrail(uri + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            hub.append(3);
            server.shutdownNow();

            assertThatThrownBy(() -> hub.trail.append(TestTrail.caseRead(4)))
                    .isInstanceOf(AuditUnavailableException.class);
        }
    }
}
