package uk.gov.essex.mace.bench;

import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.HubApplication;

/**
 * Live case-feed fan-out with two hub instances against one, in the same run: (1) one instance with
 * its in-process broker (the default), (2) one instance relaying through RabbitMQ, (3) two
 * instances sharing one store and RabbitMQ, items shared on instance A, half the sessions on A and
 * half on B. The same sessions (ten North viewers from nine agencies, each its own projection),
 * cases and items, shared over HTTP at a fixed rate; latency from just before the HTTP write to
 * arrival at each session.
 *
 * <p>Needs RabbitMQ's STOMP plugin on 127.0.0.1:61613 ({@code scripts/rabbitmq start}). The hubs
 * run as two Spring contexts in this JVM (B uses A's embedded store over loopback), so clients and
 * both instances share the same cores: the ratio between the rows is the result, not the
 * absolute figures. Usage: {@code ScaleOutFanOutBench [--sessions=200] [--cases=20] [--rate=20] [--seconds=20]}.
 */
public final class ScaleOutFanOutBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // the same viewers, case membership and item ids as the single-instance fan-out benchmark
    private static final Pattern ITEM_ID = FanOutBench.ITEM_ID;
    private static final List<String> VIEWERS = FanOutBench.VIEWERS;
    private static final String MEMBERS = FanOutBench.MEMBERS;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<Boolean, Queue<Long>> latencies = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "200"));
        int cases = Integer.parseInt(options.getOrDefault("cases", "20"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        System.out.printf("Scale-out fan-out bench: %d sessions, %d cases, %d items/s for %d s (%d cores)%n",
                sessions, cases, rate, seconds, Runtime.getRuntime().availableProcessors());
        int status = 0;
        try {
            ScaleOutFanOutBench bench = new ScaleOutFanOutBench();
            for (int round = 1; round <= rounds; round++) {
                // the order alternates between rounds, so a change in the machine's load does not always
                // fall on the same configuration
                List<Runnable> configurations = new ArrayList<>(List.of(
                        () -> bench.roundUnchecked("1 instance, in-process broker (default)", false, false, sessions, cases,
                                rate, seconds),
                        () -> bench.roundUnchecked("1 instance, relay through RabbitMQ", true, false, sessions, cases, rate,
                                seconds),
                        () -> bench.roundUnchecked("2 instances, relay through RabbitMQ (shared on A; sessions half on A, "
                                + "half on B)", true, true, sessions, cases, rate, seconds)));
                if (round % 2 == 0) {
                    java.util.Collections.reverse(configurations);
                }
                System.out.printf("%n=== round %d (load average %.2f)%n", round,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                configurations.forEach(Runnable::run);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void roundUnchecked(String what, boolean relay, boolean two, int sessions, int cases, int rate, int seconds) {
        try {
            round(what, relay, two, sessions, cases, rate, seconds);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void round(String what, boolean relay, boolean two, int sessions, int cases, int rate, int seconds)
            throws Exception {
        Path data = Files.createTempDirectory("mace-scaleout-");
        int storePort = freePort();
        List<String> common = List.of("--spring.profiles.active=demo", "--server.port=0", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false", "--hub.storage.data-dir=" + data,
                "--hub.live.relay.enabled=" + relay);
        List<String> argsA = new ArrayList<>(common);
        argsA.addAll(List.of("--hub.storage.port=" + storePort, "--hub.cluster.instance-id=bench-a"));
        ConfigurableApplicationContext a = new SpringApplicationBuilder(HubApplication.class).run(argsA.toArray(String[]::new));
        ConfigurableApplicationContext b = null;
        try {
            String urlA = url(a);
            String urlB = urlA;
            if (two) {
                List<String> argsB = new ArrayList<>(common);
                argsB.addAll(List.of("--spring.mongodb.uri=mongodb://127.0.0.1:" + storePort + "/macehub",
                        "--hub.cluster.instance-id=bench-b"));
                b = new SpringApplicationBuilder(HubApplication.class).run(argsB.toArray(String[]::new));
                urlB = url(b);
            }
            Map<String, String> tokens = new HashMap<>();
            for (String user : VIEWERS) {
                tokens.put(user, FanOutBench.userToken(urlA, user));
            }
            String poster = tokens.get("police.north");
            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                caseIds.add(post(urlA, poster, "/api/cases", "{\"childName\":\"Scale Out " + i + "\",\"dateOfBirth\":\""
                        + LocalDate.now().minusYears(14) + "\",\"district\":\"Colchester\",\"exploitationType\":\"CCE\","
                        + "\"memberAgencies\":" + MEMBERS + "}"));
            }
            started.clear();
            latencies.clear();
            WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(2);
            scheduler.initialize();
            client.setTaskScheduler(scheduler);
            client.setInboundMessageSizeLimit(256 * 1024);
            List<StompSession> open = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                boolean onB = two && i % 2 == 1;
                StompHeaders connect = new StompHeaders();
                connect.add("Authorization", "Bearer " + tokens.get(VIEWERS.get(i % VIEWERS.size())));
                StompSession session = client.connectAsync((onB ? urlB : urlA).replaceFirst("^http", "ws") + "/ws",
                        new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {}).get(30, TimeUnit.SECONDS);
                session.setAutoReceipt(true);
                CompletableFuture<Void> subscribed = new CompletableFuture<>();
                session.subscribe("/user/queue/cases/" + caseIds.get(i % cases), new StompFrameHandler() {
                    @Override
                    public Type getPayloadType(StompHeaders headers) {
                        return byte[].class;
                    }

                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        arrived((byte[]) payload, onB);
                    }
                }).addReceiptTask(() -> subscribed.complete(null));
                subscribed.get(30, TimeUnit.SECONDS);
                open.add(session);
            }
            int sent = 0;
            long begin = System.nanoTime();
            long period = 1_000_000_000L / rate;
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            while (System.nanoTime() - begin < seconds * 1_000_000_000L) {
                long due = begin + sent * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String caseId = caseIds.get(sent % cases);
                long start = System.nanoTime();
                String body = "{\"text\":\"Update " + sent + ": seen at [[police-only:12 High Street]] late\","
                        + "\"category\":\"ASSOCIATES\",\"label\":\"all-members\",\"marking\":\"OFFICIAL_SENSITIVE\","
                        + "\"observedAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(urlA + "/api/cases/" + caseId + "/intel"))
                        .header("Authorization", "Bearer " + poster).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .thenAccept(r -> {
                            Matcher id = ITEM_ID.matcher(r.body());
                            if (r.statusCode() == 201 && id.find()) {
                                started.putIfAbsent(id.group(1), start);
                            }
                        }));
                sent++;
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Thread.sleep(3000);
            double elapsed = (System.nanoTime() - begin) / 1e9 - 3.0;
            report(what, sent, elapsed, two);
            open.forEach(s -> {
                try {
                    s.disconnect();
                } catch (RuntimeException e) {
                    // gone
                }
            });
            client.stop();
            scheduler.shutdown();
            Thread.sleep(2000); // let the hub see the sessions go (and audit it) before it shuts down
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    private final Map<String, Queue<long[]>> arrivals = new ConcurrentHashMap<>();

    private void arrived(byte[] payload, boolean onB) {
        long now = System.nanoTime();
        Matcher id = ITEM_ID.matcher(new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8));
        if (id.find()) {
            arrivals.computeIfAbsent(id.group(1), k -> new ConcurrentLinkedQueue<>()).add(new long[] {now, onB ? 1 : 0});
        }
    }

    private void report(String what, int sent, double elapsed, boolean two) {
        List<Long> onA = new ArrayList<>();
        List<Long> onB = new ArrayList<>();
        arrivals.forEach((id, times) -> {
            Long start = started.get(id);
            if (start != null) {
                for (long[] t : times) {
                    (t[1] == 1 ? onB : onA).add(t[0] - start);
                }
            }
        });
        arrivals.clear();
        List<Long> all = new ArrayList<>(onA);
        all.addAll(onB);
        System.out.printf("%n%s%n  items shared %d (%.1f/s), messages delivered %d (%.0f/s)%n", what, sent, sent / elapsed,
                all.size(), all.size() / elapsed);
        line("all sessions", all);
        if (two) {
            line("sessions on A (where the item was shared)", onA);
            line("sessions on B (the other instance)", onB);
        }
    }

    private static void line(String label, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        System.out.printf("  %s (n=%d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", label, sorted.size(),
                Latencies.millisAt(sorted, 0.5), Latencies.millisAt(sorted, 0.9), Latencies.millisAt(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }


    private static String url(ConfigurableApplicationContext hub) {
        return "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
    }

    private String post(String base, String token, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
