package uk.gov.essex.mace.bench;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.risk.RiskRecords;

/**
 * MACE alert latency and full re-evaluation time.
 *
 * <p>Latency: coordinator sessions are connected over real STOMP/WebSocket; for each of N cases a
 * partner system (police RMS, client credentials) reports two missing episodes, then the third
 * within 28 days; the figure is from just before that HTTP write to the alert's arrival on the
 * North coordinator's session. Baseline beside it: the same write that raises no alert (the second).
 *
 * <p>Re-evaluation (in-process only): 20,000 cases' risk records are seeded straight into the store
 * (5% meeting the criteria, with real cases so their alerts route), then {@code POST
 * /api/alerts/re-evaluate} runs twice: cold (standings and alerts created) and steady (nothing to
 * change). Baseline beside it: reading every snapshot without evaluating.
 *
 * <p>Usage: {@code java -cp ... AlertLatencyBench [--alerts=300] [--warmup=30] [--cases=20000]
 * [--url=http://host:8080]} (with {@code --url} only the latency part runs, against that hub).
 */
public final class AlertLatencyBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    private AlertLatencyBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        int alerts = Integer.parseInt(options.getOrDefault("alerts", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        int cases = Integer.parseInt(options.getOrDefault("cases", "20000"));
        ConfigurableApplicationContext hub = null;
        String url = options.get("url");
        if (url == null) {
            // as arguments, not default properties: application.yml would win over those
            hub = new SpringApplicationBuilder(HubApplication.class).profiles("demo").run("--server.port=0",
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false",
                    "--hub.storage.data-dir=" + Files.createTempDirectory("mace-bench-"));
            url = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
        }
        try {
            AlertLatencyBench bench = new AlertLatencyBench(url);
            System.out.printf("MACE alert bench against %s (%d cores, java %s)%n", url,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            bench.latency(alerts, warmup);
            if (hub != null) {
                bench.reEvaluation(hub, cases);
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
        }
        System.exit(0);
    }

    private void latency(int alerts, int warmup) throws Exception {
        String police = clientToken("police-rms", "demo-client-secret");
        List<StompSession> sessions = new ArrayList<>();
        StompSession north = connect(userToken("coordinator.north"), true);
        sessions.add(north);
        sessions.add(connect(userToken("coordinator.north"), false));
        sessions.add(connect(userToken("chair.north"), false));
        sessions.add(connect(userToken("coordinator.south"), false));
        List<Long> withAlert = new ArrayList<>();
        List<Long> withoutAlert = new ArrayList<>();
        for (int i = 0; i < warmup + alerts; i++) {
            String caseId = post(police, "/api/cases", "{\"childName\":\"Bench Child " + i + "\",\"dateOfBirth\":\""
                    + LocalDate.now().minusYears(14) + "\",\"district\":\"Colchester\",\"exploitationType\":\"CCE\","
                    + "\"memberAgencies\":[]}").get("id").asString();
            String episodes = "/api/cases/" + caseId + "/missing-episodes";
            post(police, episodes, "{\"startedAt\":\"2026-03-10T12:00:00Z\"}");
            long plain = System.nanoTime();
            post(police, episodes, "{\"startedAt\":\"2026-03-20T09:00:00Z\"}");
            long plainNanos = System.nanoTime() - plain;
            CountDownLatch arrived = new CountDownLatch(1);
            waiting.put(caseId, arrived);
            long start = System.nanoTime();
            post(police, episodes, "{\"startedAt\":\"2026-04-07T10:59:00Z\"}");
            if (!arrived.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no alert arrived for case " + caseId);
            }
            if (i >= warmup) {
                withAlert.add(arrivals.get(caseId) - start);
                withoutAlert.add(plainNanos);
            }
        }
        report("third episode: HTTP write -> alert on coordinator's WebSocket", withAlert);
        report("baseline: episode write raising no alert (HTTP round trip)", withoutAlert);
        List<Long> a = withAlert.stream().sorted().toList();
        List<Long> b = withoutAlert.stream().sorted().toList();
        String baseline = "the same write raising no alert (HTTP round trip)";
        Figure.lower("alert-latency", "MACE alert: write -> coordinator's WebSocket, p50", Latencies.millisAt(a, 0.50), "ms", baseline, Latencies.millisAt(b, 0.50));
        Figure.lower("alert-latency", "MACE alert: write -> coordinator's WebSocket, p99", Latencies.millisAt(a, 0.99), "ms", baseline, Latencies.millisAt(b, 0.99));
        sessions.forEach(StompSession::disconnect);
    }

    private void reEvaluation(ConfigurableApplicationContext hub, int cases) throws Exception {
        MongoTemplate mongo = hub.getBean(MongoTemplate.class);
        String police = clientToken("police-rms", "demo-client-secret");
        int inCriteria = cases / 20;
        Random random = new Random(42);
        long seedStart = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            boolean meets = i < inCriteria;
            String caseId = meets ? post(police, "/api/cases", "{\"childName\":\"Seeded " + i + "\",\"dateOfBirth\":\""
                    + LocalDate.now().minusYears(15) + "\",\"district\":\"" + (i % 2 == 0 ? "Colchester" : "Basildon")
                    + "\",\"exploitationType\":\"CSE\",\"memberAgencies\":[]}").get("id").asString()
                    : UUID.randomUUID().toString();
            batch.add(seeded(caseId, meets, random));
            if (batch.size() == 1000) {
                mongo.getCollection("case_risk").insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection("case_risk").insertMany(batch);
        }
        System.out.printf("%nseeded %,d cases' risk records (%,d meeting the criteria) in %,d ms%n", cases, inCriteria,
                (System.nanoTime() - seedStart) / 1_000_000);
        int[] read = {0};
        long readStart = System.nanoTime();
        hub.getBean(RiskRecords.class).forEachSnapshot(s -> read[0]++);
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        System.out.printf("baseline: read all %,d snapshots, no evaluation: %,d ms%n", read[0], readMillis);
        String chair = userToken("chair.north");
        for (String run : new String[] {"cold (standings and alerts created)", "steady (nothing changes)"}) {
            long start = System.nanoTime();
            JsonNode result = post(chair, "/api/alerts/re-evaluate", "");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("full re-evaluation, %s: %,d ms wall, %s%n", run, millis, result);
            Figure.lower("alert-latency", String.format("re-evaluate %,d cases, %s", cases, run.replaceAll(" \\(.*", "")),
                    millis, "ms", "read every snapshot, no evaluation", readMillis);
        }
    }

    /** A case's risk document in the store's format (see risk.CaseRiskDocuments). */
    private static Document seeded(String caseId, boolean meets, Random random) {
        Instant first = Instant.parse("2026-01-05T10:00:00Z").plusSeconds(random.nextInt(200) * 86_400L);
        int count = meets ? 3 : random.nextInt(4);
        long gapDays = meets ? 9 : 20;
        List<Document> episodes = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            Date start = Date.from(first.plusSeconds(e * gapDays * 86_400L));
            episodes.add(new Document("id", UUID.randomUUID().toString()).append("versions", List.of(
                    new Document("number", 1).append("startedAt", start).append("returnedAt", null)
                            .append("whereFound", null).append("returnHomeInterview", null).append("deleted", false)
                            .append("change", "REPORTED").append("reason", null).append("lateReport", false)
                            .append("recordedBy", "bench").append("recordedByAgency", "essex-police")
                            .append("recordedAt", start))));
        }
        String level = meets ? "MEDIUM" : List.of("LOW", "MEDIUM", "HIGH").get(random.nextInt(3));
        Document assessment = new Document("id", UUID.randomUUID().toString()).append("level", level)
                .append("exploitationType", "CCE").append("knownToBeExploited", false)
                .append("assessedOn", "2026-06-01").append("nextReviewOn", "2026-09-01").append("assessor", "bench")
                .append("assessorAgency", "essex-csc").append("recordedAt", new Date());
        return new Document("_id", caseId).append("version", 1L).append("assessments", List.of(assessment))
                .append("episodes", episodes).append("indicators", List.of());
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("%s (n=%d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                Latencies.millisAt(sorted, 0.50), Latencies.millisAt(sorted, 0.90), Latencies.millisAt(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }


    /** A STOMP session subscribed to its alert queue; {@code timed} records arrivals for the bench. */
    private StompSession connect(String token, boolean timed) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        StompSession session = client.connectAsync(base.replaceFirst("^http", "ws") + "/ws", new WebSocketHttpHeaders(),
                connect, new StompSessionHandlerAdapter() {}).get(10, TimeUnit.SECONDS);
        session.setAutoReceipt(true);
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe("/user/queue/alerts", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                long now = System.nanoTime();
                JsonNode alert = JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8));
                String caseId = alert.get("caseId").asString();
                if (timed && "OPEN".equals(alert.get("status").asString()) && waiting.containsKey(caseId)) {
                    arrivals.putIfAbsent(caseId, now);
                    waiting.get(caseId).countDown();
                }
            }
        }).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(5, TimeUnit.SECONDS);
        return session;
    }

    private JsonNode post(String token, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String clientToken(String clientId, String secret) throws Exception {
        return new HubConnection(base).clientToken(clientId, secret);
    }

    /** A demo user's token through the real authorization code + PKCE flow (as scripts/dev-token does). */
    private String userToken(String username) throws Exception {
        return new HubConnection(base).userToken(username);
    }
}
