package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * The whole hub, in a JVM of its own, killed with SIGKILL while partner systems write to it:
 * after a restart on the same data directory every write it acknowledged is there, and the audit
 * trail still verifies. Bounded: a few seconds of load, two start-ups.
 */
class CrashUnderLoadTests {

    private static final Duration LOAD = Duration.ofSeconds(6);
    private static final int WRITERS = 3;

    @Test
    void killedUnderWriteLoadThenRestartedKeepsEveryAcknowledgedWriteAndTheAuditVerifies() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-crash-");
        int port = freePort();
        String base = "http://localhost:" + port;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger attempted = new AtomicInteger();
        String caseId;

        Process hub = start(dataDir, port);
        try {
            awaitReady(base, hub);
            HubApi api = new HubApi(base);
            String rms = new DemoTokens(base).client("police-rms");
            caseId = api.post(rms, "/api/cases", aCase().json()).json().get("id").asString();
            String intel = "/api/cases/" + caseId + "/intel";
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    while (writing.get()) {
                        attempted.incrementAndGet();
                        try {
                            HubApi.Reply reply = api.post(rms, intel, anItem().text("load " + System.nanoTime()).json());
                            if (reply.status() == 201) {
                                acknowledged.add(reply.json().get("id").asString());
                            }
                        } catch (RuntimeException connectionLost) {
                            // the hub is being killed
                        }
                    }
                });
            }
            Thread.sleep(LOAD.toMillis());
            hub.destroyForcibly();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("the hub died").isTrue();
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            hub.destroyForcibly();
        }
        assertThat(acknowledged).as("the load did write").hasSizeGreaterThan(5);

        Process restarted = start(dataDir, port);
        try {
            awaitReady(base, restarted);
            HubApi api = new HubApi(base);
            DemoTokens tokens = new DemoTokens(base);
            String rms = tokens.client("police-rms");
            for (String id : acknowledged) {
                assertThat(api.get(rms, "/api/cases/" + caseId + "/intel/" + id).status())
                        .as("acknowledged item " + id + " survived the kill").isEqualTo(200);
            }
            JsonNode verified = api.post(tokens.user("auditor"), "/api/audit/verify", "").json();
            assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
            System.out.printf("crash under load: %d writes attempted, %d acknowledged, all present after kill -9; "
                    + "audit verified %d entries%n", attempted.get(), acknowledged.size(), verified.get("entriesChecked").asLong());
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path dataDir, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HubApplication.class.getName(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--hub.storage.data-dir=" + dataDir.toAbsolutePath(), "--spring.jmx.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .start();
    }

    private static void awaitReady(String base, Process hub) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(hub.isAlive()).as("the hub is starting").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hub did not start within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
