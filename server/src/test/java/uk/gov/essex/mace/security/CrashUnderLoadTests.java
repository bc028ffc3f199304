package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.client.AuthenticationException;
import uk.gov.essex.mace.client.ConflictException;
import uk.gov.essex.mace.client.RateLimitedException;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.HubUnavailableException;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;
import uk.gov.essex.mace.client.intel.IntelCategory;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.intel.ShareIntelRequest;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * The whole hub, in a JVM of its own, killed with SIGKILL again and again while partner systems
 * write to it through the SDK: each writer retries every share with the same
 * {@code Idempotency-Key} until the hub answers, so it carries on across every kill and restart.
 * At the end every write the hub acknowledged is there, exactly once per key (no duplicates from
 * the retries), nothing half-written is visible (every item reads back whole), and the audit
 * trail verifies. Bounded: {@value #CYCLES} kills, a few seconds of load before each.
 */
class CrashUnderLoadTests {

    static final int CYCLES = 3;
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final int WRITERS = 3;

    @Test
    void killedUnderWriteLoadAgainAndAgainThenEveryAcknowledgedWriteIsThereOnceAndTheAuditVerifies() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hub-crash-");
        int port = freePort();
        String base = "http://localhost:" + port;
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // idempotency key -> item id
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        Process hub = start(dataDir, port);
        awaitReady(base, hub);
        HubClient sdk = HubClient.builder().baseUrl(base).clientCredentials("police-rms", "demo-client-secret")
                .maxRetries(2).retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
        String caseId = sdk.cases().open(new OpenCaseRequest("Crash Test Child", java.time.LocalDate.of(2012, 3, 4),
                "Colchester", ExploitationType.CCE, List.of())).id();
        AtomicInteger inProgressRetries = new AtomicInteger();
        List<Future<Object>> running = new java.util.ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; writing.get(); n++) {
                        String key = "crash-" + writer + "-" + n;
                        attempted.add(key);
                        ShareIntelRequest item = ShareIntelRequest.builder().text(key).category(IntelCategory.OTHER)
                                .label("all-members").observedAt(Instant.now().minusSeconds(60)).build();
                        while (true) { // the partner system carries on: the same key until the hub answers
                            try {
                                acknowledged.put(key, sdk.intel().share(caseId, item, RequestOptions.idempotencyKey(key)).id());
                                break;
                            } catch (HubUnavailableException | AuthenticationException | RateLimitedException hubDownOrBusy) {
                                if (!writing.get()) {
                                    return null;
                                }
                                Thread.sleep(200);
                            } catch (ConflictException inProgress) {
                                // the first attempt's claim on the key, left by the killed hub: the
                                // restarted hub takes it over after a few seconds (IdempotencyKeys)
                                if (!"idempotency-in-progress".equals(inProgress.problemSlug())) {
                                    throw inProgress;
                                }
                                inProgressRetries.incrementAndGet();
                                if (!writing.get()) {
                                    return null;
                                }
                                Thread.sleep(500);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                int before = acknowledged.size();
                Thread.sleep(LOAD.toMillis());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (acknowledged.size() <= before && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                for (Future<Object> writer : running) {
                    if (writer.isDone()) {
                        writer.get(); // a writer that stopped early says why
                    }
                }
                assertThat(acknowledged.size()).as("cycle %d wrote", cycle).isGreaterThan(before);
                hub.destroyForcibly();
                assertThat(hub.waitFor(30, TimeUnit.SECONDS)).as("the hub died").isTrue();
                hub = start(dataDir, port);
                awaitReady(base, hub);
            }
            Thread.sleep(LOAD.toMillis()); // the writers catch up on the last restart
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Object> writer : running) {
                writer.get();
            }

            List<IntelItem> timeline = sdk.intel().timeline(caseId, 100).stream().toList();
            Map<String, Long> copies = timeline.stream().collect(Collectors.groupingBy(IntelItem::text, Collectors.counting()));
            assertThat(copies).as("no key written twice").allSatisfy((text, count) -> assertThat(count).isEqualTo(1));
            assertThat(copies.keySet()).as("every acknowledged write survived").containsAll(acknowledged.keySet());
            assertThat(attempted).as("nothing appears that nobody wrote").containsAll(copies.keySet());
            for (IntelItem item : timeline) {
                assertThat(item.revision()).isEqualTo(1);
                assertThat(item.text()).as("read back whole").startsWith("crash-");
            }
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertThat(sdk.intel().get(caseId, ack.getValue()).text()).isEqualTo(ack.getKey());
            }
            HubApi api = new HubApi(base);
            String auditor = new DemoTokens(base).user("auditor");
            JsonNode verified = api.post(auditor, "/api/audit/verify", "").json();
            assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
            // an acknowledged share was audited durably too: its entry survived every kill
            assertThat(auditedShares(api, auditor, caseId)).as("acknowledged shares with their audit entry")
                    .containsAll(acknowledged.values());
            System.out.printf("crash under load: %d kill -9 cycles; %d writes acknowledged, %d in the timeline, each once; "
                    + "%d retries told 'in progress' until the restarted hub took the key over; audit verified %d entries%n",
                    CYCLES, acknowledged.size(), timeline.size(), inProgressRetries.get(), verified.get("entriesChecked").asLong());
        } finally {
            writing.set(false);
            writers.shutdownNow();
            hub.destroyForcibly();
            hub.waitFor(30, TimeUnit.SECONDS);
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

    /** The items named by the trail's successful {@code intel.share} entries for the case. */
    private static Set<String> auditedShares(HubApi api, String auditor, String caseId) {
        Set<String> items = new java.util.HashSet<>();
        String after = "";
        while (true) {
            JsonNode page = api.get(auditor, "/api/audit/entries?caseId=" + caseId + "&action=intel.share&size=500" + after).json();
            for (JsonNode entry : page.get("entries")) {
                if ("SUCCESS".equals(entry.get("outcome").asText()) && entry.get("targets").size() > 1) {
                    items.add(entry.get("targets").get(1).asText());
                }
            }
            JsonNode next = page.get("nextAfterSeq");
            if (next == null || next.isNull()) {
                return items;
            }
            after = "&afterSeq=" + next.asLong();
        }
    }
}
