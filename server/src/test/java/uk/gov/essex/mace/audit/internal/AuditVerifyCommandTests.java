package uk.gov.essex.mace.audit.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditVerifyCommandTests {

    private MongoServer server;
    private TestTrail hub;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void trail() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        hub = new TestTrail("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        hub.append(40);
        hub.proofs.signTreeHead();
    }

    @AfterEach
    void stop() {
        hub.close();
        server.shutdownNow();
    }

    @Test
    void executeWhenIntactThenExitsZeroWithProgress() {
        int code = command().execute(print(out), print(err));

        assertThat(code).isZero();
        assertThat(text(out)).contains("Audit trail: INTACT", "entries checked:     40", "verified tree size:  40");
        assertThat(text(err)).contains("100.0%", "entries/s");
    }

    @Test
    void executeWhenEntryEditedThenExitsOneNamingIt() {
        hub.rawEntries().updateOne(eq("_id", 12L), set("outcome", "DENIED"));

        int code = command().execute(print(out), print(err));

        assertThat(code).isEqualTo(1);
        assertThat(text(out)).contains("Audit trail: TAMPERED", "first bad entry:     seq 12 EDITED");
    }

    @Test
    void executeWhenVerifiedThenWritesNothing() {
        command().execute(print(out), print(err));

        assertThat(hub.rawEntries().countDocuments()).isEqualTo(40);
        assertThat(hub.rawHeads().countDocuments()).isEqualTo(1);
    }

    private AuditVerifyCommand command() {
        return new AuditVerifyCommand(hub.verifier, null);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
