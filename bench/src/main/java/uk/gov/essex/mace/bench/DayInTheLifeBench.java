package uk.gov.essex.mace.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.simp.stomp.StompSession;
import tools.jackson.databind.JsonNode;

/**
 * A day in the life of the partnership, compressed: a hub in its own process, and in this one the
 * four quadrants' staff and partner systems at once. Police and council systems post intelligence
 * (mixed handling labels and restricted segments) and missing-episode reports; practitioners read
 * timelines and items, chat (short items) and mark them read, ask for unread counts; district
 * officers post disruption updates and coordinators list them; coordinators, connected over
 * WebSocket, receive the MACE alerts that the third missing episode in 28 days raises and
 * acknowledge them. Every operation's latency is recorded by kind; every failure counts as an
 * error (a non-2xx reply, an exception, an alert that never arrives); errors must be zero.
 *
 * <p>Before the day: server memory with 1,000 WebSocket sessions subscribed to case feeds, beside
 * the same hub idle (heap after a full collection, through jcmd, and resident set size).
 *
 * <p>Usage: {@code java -cp ... DayInTheLifeBench [--seconds=60] [--rate=20] [--sessions=1000]}.
 * Bounded: it stops by itself after the given time (plus at most 15 s for last alerts to arrive).
 */
public final class DayInTheLifeBench {

    private static final String BENCH = "day-in-the-life";
    /** Put in every police-only text and segment: no practitioner watching a feed may ever see it. */
    private static final String CANARY = "CANARY-" + java.util.UUID.randomUUID();
    private static final Map<String, String> DISTRICT = Map.of("NORTH", "Colchester", "SOUTH", "Basildon",
            "MID", "Chelmsford", "WEST", "Harlow");
    private static final List<String> QUADRANTS = List.of("NORTH", "SOUTH", "MID", "WEST");
    /** Practitioners who read and chat, by quadrant (the demo has practitioners in North and South). */
    private static final Map<String, List<String>> PRACTITIONERS = Map.of(
            "NORTH", List.of("csc.north", "health.north", "education.north", "youthjustice.north"),
            "SOUTH", List.of("csc.south", "health.south", "education.south"));

    private final HubConnection hub;
    private final Random random = new Random(7);
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> alertWanted = new ConcurrentHashMap<>();
    private final Map<String, Long> alertArrived = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> toAcknowledge = new ConcurrentLinkedQueue<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Items each case's watchers must receive (all but source-protected ones), by case id. */
    private final Map<String, Set<String>> expected = new ConcurrentHashMap<>();
    private final Set<String> sourceProtected = ConcurrentHashMap.newKeySet();
    private final List<Watcher> watchers = new ArrayList<>();
    private final AtomicInteger leaks = new AtomicInteger();

    /** A practitioner's session on a case feed, and the items it has been told were shared. */
    private record Watcher(String user, String caseId, Set<String> received) {}

    /** What a run found: every failure, lost deliveries, leaks, and heap at the start and end of the day. */
    record Result(List<String> errors, int lost, int leaked, int delivered, long heapStartKb, long heapEndKb, int operations) {}
    private final Map<String, List<Case>> cases = new HashMap<>();

    private record Case(String id, String quadrant, List<String> items, AtomicInteger episodes) {}

    private DayInTheLifeBench(HubConnection hub) {
        this.hub = hub;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "20"));
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "1000"));
        System.out.printf("day in the life: hub in its own process; %d s at %d operations/s; %d sessions for memory (%d cores, java %s)%n",
                seconds, rate, sessions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Result result = run(seconds, rate, sessions);
        System.exit(result.errors().isEmpty() && result.lost() == 0 && result.leaked() == 0 ? 0 : 1);
    }

    /**
     * Starts a hub in its own process, measures memory with {@code sessions} sessions (none: skip),
     * runs the day for {@code seconds} at {@code rate} operations a second, and stops the hub.
     * Also what the soak test runs (bench/src/test).
     */
    static Result run(int seconds, int rate, int sessions) throws Exception {
        try (HubProcess process = HubProcess.start("1g")) {
            DayInTheLifeBench bench = new DayInTheLifeBench(new HubConnection(process.base()));
            bench.setUp();
            if (sessions > 0) {
                bench.memory(process, sessions);
            }
            return bench.day(process, seconds, rate);
        }
    }

    private synchronized String token(String who) throws Exception {
        String token = tokens.get(who);
        if (token == null) {
            token = who.equals("police-rms") ? hub.clientToken("police-rms", "demo-client-secret")
                    : who.equals("council-system") ? hub.clientToken("council-system", "demo-client-secret")
                    : hub.userToken(who);
            tokens.put(who, token);
        }
        return token;
    }

    /** Each quadrant's police open 10 cases, with their partners as members. */
    private void setUp() throws Exception {
        for (String quadrant : QUADRANTS) {
            List<Case> opened = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String members = quadrant.equals("NORTH")
                        ? "\"essex-csc\",\"essex-health\",\"essex-education\",\"essex-youth-justice\",\"colchester-council\""
                        : quadrant.equals("SOUTH") ? "\"essex-csc\",\"essex-health\",\"essex-education\",\"basildon-council\"" : "\"essex-csc\"";
                JsonNode c = hub.post(token("police." + quadrant.toLowerCase(Locale.ROOT)), "/api/cases", "{\"childName\":\"Day Child "
                        + quadrant + " " + i + "\",\"dateOfBirth\":\"" + LocalDate.now().minusYears(13 + i % 4) + "\",\"district\":\""
                        + DISTRICT.get(quadrant) + "\",\"exploitationType\":\"" + (i % 2 == 0 ? "CCE" : "CSE")
                        + "\",\"memberAgencies\":[" + members + "]}");
                opened.add(new Case(c.get("id").asString(), quadrant, Collections.synchronizedList(new ArrayList<>()), new AtomicInteger()));
            }
            cases.put(quadrant, opened);
        }
        for (String who : List.of("csc.north", "health.north", "education.north", "youthjustice.north", "csc.south",
                "health.south", "education.south", "council.north", "council.south", "police-rms")) {
            token(who);
        }
    }

    /** Server heap and RSS idle, then with {@code count} sessions subscribed to case feeds. */
    private void memory(HubProcess process, int count) throws Exception {
        // warm the paths the sessions use, so the figure is not class loading
        List<StompSession> warm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            warm.add(hub.subscribe(token("csc.north"), "/user/queue/cases/" + cases.get("NORTH").get(i % 10).id(),
                    HubConnection.FrameListener.ignore()));
        }
        warm.forEach(StompSession::disconnect);
        Thread.sleep(1000);
        long idleHeap = process.heapUsedAfterGcKb();
        long idleRss = process.rssKb();
        List<String> viewers = List.of("csc.north", "health.north", "education.north", "youthjustice.north", "council.north");
        List<StompSession> sessions = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sessions.add(hub.subscribe(token(viewers.get(i % viewers.size())),
                    "/user/queue/cases/" + cases.get("NORTH").get(i % 10).id(), HubConnection.FrameListener.ignore()));
        }
        System.out.printf("%d sessions connected and subscribed in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        long heap = process.heapUsedAfterGcKb();
        long rss = process.rssKb();
        System.out.printf("server heap after GC: idle %,d KB, with %d sessions %,d KB; RSS idle %,d KB, with sessions %,d KB%n",
                idleHeap, count, heap, idleRss, rss);
        Figure.lower(BENCH, "server heap per WebSocket session (after GC)", (heap - idleHeap) / (double) count, "KB", null, Double.NaN);
        Figure.lower(BENCH, "server RSS with " + count + " WebSocket sessions", rss / 1024.0, "MB", "the same hub idle", idleRss / 1024.0);
        sessions.forEach(StompSession::disconnect);
    }

    private Result day(HubProcess process, int seconds, int rate) throws Exception {
        List<StompSession> coordinators = new ArrayList<>();
        for (String quadrant : QUADRANTS) {
            coordinators.add(hub.subscribe(token("coordinator." + quadrant.toLowerCase(Locale.ROOT)), "/user/queue/alerts",
                    HubConnection.FrameListener.json(alert -> {
                        if ("OPEN".equals(alert.get("status").asString()) && alertArrived.putIfAbsent(alert.get("caseId").asString(),
                                System.nanoTime()) == null) {
                            toAcknowledge.add(quadrant.toLowerCase(Locale.ROOT) + " " + alert.get("id").asString());
                        }
                    })));
        }
        List<StompSession> feeds = new ArrayList<>();
        for (String quadrant : PRACTITIONERS.keySet()) {
            for (String who : PRACTITIONERS.get(quadrant)) {
                for (Case c : cases.get(quadrant)) {
                    Watcher watcher = new Watcher(who, c.id(), ConcurrentHashMap.newKeySet());
                    watchers.add(watcher);
                    feeds.add(hub.subscribe(token(who), "/user/queue/cases/" + c.id(), (at, body) -> watch(watcher, body)));
                }
            }
        }
        long heapStart = process.heapUsedAfterGcKb();
        System.out.printf("%d coordinators and %d case-feed sessions connected; heap after GC %,d KB; the day starts%n",
                coordinators.size(), feeds.size(), heapStart);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger issued = new AtomicInteger();
        int total = seconds * rate;
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            if (issued.getAndIncrement() < total) {
                Runnable op = nextOperation();
                workers.execute(op);
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        while (issued.get() < total) {
            Thread.sleep(100);
        }
        clock.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!alertArrived.keySet().containsAll(alertWanted.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        acknowledgeAll();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (String caseId : alertWanted.keySet()) {
            Long arrived = alertArrived.get(caseId);
            if (arrived == null) {
                errors.add("no MACE alert arrived for case " + caseId);
            } else {
                record("MACE alert: third episode written -> coordinator's WebSocket", alertWanted.get(caseId), arrived);
            }
        }
        coordinators.forEach(StompSession::disconnect);
        feeds.forEach(StompSession::disconnect);
        long heapEnd = process.heapUsedAfterGcKb();
        return report(elapsed, heapStart, heapEnd);
    }

    /** A frame on a practitioner's case feed: never a source-protected item, never police-only words. */
    private void watch(Watcher watcher, String body) {
        if (body.contains(CANARY)) {
            leaks.incrementAndGet();
            errors.add("LEAK: police-only words reached " + watcher.user());
        }
        JsonNode frame = HubConnection.JSON.readTree(body);
        String id = frame.get("item").get("id").asString();
        if (sourceProtected.contains(id)) {
            leaks.incrementAndGet();
            errors.add("LEAK: a source-protected item reached " + watcher.user());
        }
        if ("SHARED".equals(frame.get("change").asString())) {
            watcher.received().add(id);
        }
    }

    /** Deliveries still missing: each watcher of a case must have been told of each visible item shared on it. */
    private int lost() {
        int lost = 0;
        for (Watcher w : watchers) {
            for (String id : expected.getOrDefault(w.caseId(), Set.of())) {
                if (!w.received().contains(id)) {
                    lost++;
                }
            }
        }
        return lost;
    }

    private void expect(Case c, String itemId) {
        expected.computeIfAbsent(c.id(), k -> ConcurrentHashMap.newKeySet()).add(itemId);
    }

    /** The day's mix: what happens next, chosen at random with fixed weights. */
    private Runnable nextOperation() {
        String quadrant = QUADRANTS.get(random.nextInt(QUADRANTS.size()));
        Case c = cases.get(quadrant).get(random.nextInt(10));
        int dice = random.nextInt(100);
        boolean practitioners = PRACTITIONERS.containsKey(quadrant);
        String practitioner = practitioners
                ? PRACTITIONERS.get(quadrant).get(random.nextInt(PRACTITIONERS.get(quadrant).size())) : null;
        if (dice < 20) {
            String label = List.of("all-members", "all-members", "police-only", "police-and-csc", "police-source-protected")
                    .get(random.nextInt(5));
            String police = "vehicle AB12 CDE, driver known " + CANARY;
            String text = label.equals("police-only") ? police + " " + "x".repeat(300)
                    : "Seen with older males near the " + quadrant.toLowerCase(Locale.ROOT) + " station"
                            + (label.equals("all-members") ? "; [[police-only:" + police + "]]" : "") + " " + "x".repeat(300);
            // Source-protected material comes from a police intelligence officer, not the records system's client.
            boolean officer = label.equals("police-source-protected");
            String author = officer ? "police." + quadrant.toLowerCase(Locale.ROOT) : "police-rms";
            return op(officer ? "police officer shares source-protected intelligence" : "police system posts intelligence", () -> {
                JsonNode item = hub.post(token(author), "/api/cases/" + c.id() + "/intel", "{\"text\":"
                        + HubConnection.JSON.writeValueAsString(text) + ",\"category\":\"ASSOCIATES\",\"label\":\"" + label
                        + "\",\"marking\":\"OFFICIAL_SENSITIVE\",\"observedAt\":\"" + Instant.now().minusSeconds(600) + "\"}");
                String id = item.get("id").asString();
                if (officer) {
                    sourceProtected.add(id);
                } else {
                    c.items().add(id);
                    expect(c, id);
                }
            });
        }
        if (dice < 30) {
            return op("police system reports a missing episode", () -> {
                int n = c.episodes().incrementAndGet();
                Instant started = Instant.now().minus(26 - Math.min(n, 3) * 8L, ChronoUnit.DAYS);
                if (n == 3) {
                    alertWanted.put(c.id(), System.nanoTime());
                }
                hub.post(token("police-rms"), "/api/cases/" + c.id() + "/missing-episodes", "{\"startedAt\":\"" + started + "\"}");
            });
        }
        if (dice < 38 && (quadrant.equals("NORTH") || quadrant.equals("SOUTH"))) {
            String council = "council." + quadrant.toLowerCase(Locale.ROOT);
            return op("district officer posts a disruption update", () -> hub.post(token(council), "/api/disruptions",
                    "{\"type\":\"HOTEL_OR_PREMISES_CHECK\",\"place\":{\"premisesName\":\"Station Hotel\",\"address\":\"1 Station Road\","
                            + "\"postcode\":\"CO1 1AA\",\"district\":\"" + DISTRICT.get(quadrant) + "\"},\"date\":\"" + LocalDate.now()
                            + "\",\"outcome\":\"Staff briefed\",\"linkedCaseIds\":[\"" + c.id() + "\"],\"text\":\"Register checked\","
                            + "\"label\":\"all-members\",\"marking\":\"OFFICIAL_SENSITIVE\"}"));
        }
        if (dice < 42) {
            String coordinator = "coordinator." + quadrant.toLowerCase(Locale.ROOT);
            return op("coordinator lists disruption updates", () -> expect(200, hub.send("GET", token(coordinator),
                    "/api/disruptions?quadrant=" + quadrant + "&limit=20", null)));
        }
        if (dice < 46) {
            String coordinator = "coordinator." + quadrant.toLowerCase(Locale.ROOT);
            return op("coordinator lists alerts", () -> expect(200, hub.send("GET", token(coordinator), "/api/alerts?limit=50", null)));
        }
        if (!practitioners) {
            return op("police read a timeline", () -> expect(200, hub.send("GET",
                    token("police." + quadrant.toLowerCase(Locale.ROOT)), "/api/cases/" + c.id() + "/intel?limit=20", null)));
        }
        if (dice < 70) {
            return op("practitioner reads a timeline page", () -> expect(200, hub.send("GET", token(practitioner),
                    "/api/cases/" + c.id() + "/intel?limit=20", null)));
        }
        if (dice < 80) {
            return op("practitioner reads an item", () -> {
                List<String> items = c.items();
                if (items.isEmpty()) {
                    expect(200, hub.send("GET", token(practitioner), "/api/cases/" + c.id(), null));
                } else {
                    String id = items.get(random.nextInt(items.size()));
                    expect(200, hub.send("GET", token(practitioner), "/api/cases/" + c.id() + "/intel/" + id, null));
                }
            });
        }
        if (dice < 90) {
            return op("practitioner chats (shares a short item)", () -> {
                JsonNode item = hub.post(token(practitioner), "/api/cases/" + c.id() + "/intel", "{\"text\":\"Spoke to school; "
                        + "attendance down this week\",\"category\":\"OTHER\",\"label\":\"all-members\",\"marking\":\"OFFICIAL\","
                        + "\"observedAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
                c.items().add(item.get("id").asString());
                expect(c, item.get("id").asString());
                expect(204, hub.send("PUT", token(practitioner), "/api/cases/" + c.id() + "/chat/read",
                        "{\"itemId\":\"" + item.get("id").asString() + "\"}"));
            });
        }
        return op("practitioner asks for unread counts", () -> expect(200, hub.send("GET", token(practitioner),
                "/api/chat/unread?caseId=" + c.id(), null)));
    }

    private void acknowledgeAll() {
        String next;
        while ((next = toAcknowledge.poll()) != null) {
            String[] quadrantAndId = next.split(" ");
            Runnable ack = op("coordinator acknowledges an alert", () -> expect(200, hub.send("POST",
                    token("coordinator." + quadrantAndId[0]), "/api/alerts/" + quadrantAndId[1] + "/acknowledge", null)));
            ack.run();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private Runnable op(String kind, Call call) {
        return () -> {
            long start = System.nanoTime();
            try {
                call.run();
                record(kind, start, System.nanoTime());
            } catch (Exception | AssertionError e) {
                errors.add(kind + ": " + e.getMessage());
            }
        };
    }

    private static void expect(int status, HubConnection.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + " " + reply.body());
        }
    }

    private void record(String kind, long start, long end) {
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(end - start);
    }

    private Result report(double elapsed, long heapStart, long heapEnd) {
        int operations = latencies.entrySet().stream().filter(e -> !e.getKey().startsWith("MACE alert"))
                .mapToInt(e -> e.getValue().size()).sum();
        System.out.printf("%n%-60s %7s %9s %9s %9s%n", "operation", "count", "p50 ms", "p99 ms", "max ms");
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : new java.util.TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            if (!e.getKey().startsWith("MACE alert")) {
                all.addAll(sorted);
            }
            System.out.printf(Locale.ROOT, "%-60s %7d %9.1f %9.1f %9.1f%n", e.getKey(), sorted.size(), at(sorted, 0.5),
                    at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        }
        Collections.sort(all);
        Set<String> distinct = new java.util.LinkedHashSet<>(errors);
        System.out.printf("%n%d operations in %.1f s (%.1f/s); %d MACE alerts expected, %d arrived; errors: %d%n", operations, elapsed,
                operations / elapsed, alertWanted.size(), alertArrived.size(), errors.size());
        distinct.stream().limit(10).forEach(e -> System.out.println("  error: " + e));
        int lost = lost();
        int delivered = watchers.stream().mapToInt(w -> w.received().size()).sum();
        System.out.printf("case feeds: %d deliveries to %d practitioner sessions, %d lost, %d leaks; heap after GC %,d KB at the start, %,d KB at the end%n",
                delivered, watchers.size(), lost, leaks.get(), heapStart, heapEnd);
        Figure.alone(BENCH, "errors (must be 0)", errors.size(), "count");
        Figure.alone(BENCH, "errors: case-feed deliveries lost (must be 0)", lost, "count");
        Figure.alone(BENCH, "errors: leaks to practitioners' feeds (must be 0)", leaks.get(), "count");
        Figure.alone(BENCH, "case-feed deliveries checked", delivered, "count");
        Figure.lower(BENCH, "server heap after GC, end of the day", heapEnd / 1024.0, "MB", "the same, start of the day", heapStart / 1024.0);
        Figure.alone(BENCH, "operations completed (4 quadrants, mixed)", operations, "count");
        Figure.alone(BENCH, "all operations, p50", at(all, 0.5), "ms");
        Figure.alone(BENCH, "all operations, p99", at(all, 0.99), "ms");
        List<Long> alerts = latencies.getOrDefault("MACE alert: third episode written -> coordinator's WebSocket", List.of())
                .stream().sorted().toList();
        if (!alerts.isEmpty()) {
            Figure.alone(BENCH, "MACE alerts under load (n=" + alerts.size() + "), p99", at(alerts, 0.99), "ms");
        }
        return new Result(List.copyOf(errors), lost, leaks.get(), delivered, heapStart, heapEnd, operations);
    }

    /** As {@link Latencies#millisAt}, but NaN when nothing was measured (a figure not to report). */
    private static double at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? Double.NaN : Latencies.millisAt(sorted, quantile);
    }
}
