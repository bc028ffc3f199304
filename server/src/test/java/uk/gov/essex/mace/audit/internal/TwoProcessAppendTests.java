package uk.gov.essex.mace.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two real JVMs append to one database at once: still one tree, every entry, no hole. */
class TwoProcessAppendTests {

    private static final int PER_PROCESS = 300;

    @Test
    void appendWhenTwoProcessesRaceThenOneIntactTreeOfBoth() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                children.add(new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                                AppendMain.class.getName(), uri, String.valueOf(PER_PROCESS))
                        .redirectErrorStream(true)
                        .redirectOutput(new File("target/audit-append-child-" + i + ".log"))
                        .start());
            }
            for (Process child : children) {
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isZero();
            }

            try (TestTrail hub = new TestTrail(uri)) {
                hub.proofs.signTreeHead();
                VerificationReport report = hub.verifier.verify();

                assertThat(report.intact()).as("%s", report.firstFinding()).isTrue();
                assertThat(report.entriesChecked()).isEqualTo(2L * PER_PROCESS);
                assertThat(report.verifiedTreeSize()).isEqualTo(2L * PER_PROCESS);
                assertThat(hub.rawEntries().distinct("details.process", String.class).into(new ArrayList<>())).hasSize(2);
            }
        } finally {
            server.shutdownNow();
        }
    }
}
