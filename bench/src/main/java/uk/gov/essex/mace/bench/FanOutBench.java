package uk.gov.essex.mace.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Type;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.intel.IntelShared;
import uk.gov.essex.mace.intel.ItemViews;

/**
 * Live case-feed fan-out: N WebSocket sessions over C cases (each case watched by one session of
 * each of ten North users from nine agencies, so an item has several distinct projections), items
 * with mixed handling labels and restricted segments shared over HTTP at a fixed rate; measures
 * delivery latency (from just before the HTTP write to arrival on each session), messages/s and
 * heap per session. Beside it, in the same run, a plain Spring STOMP broadcast of the same payloads
 * with no security ({@link PlainStompBroadcast}), same sessions, same rate.
 *
 * <p>The fan-out alone (stored items announced again, the write path left out), the plain
 * broadcast, and the plain broadcast after the two store round trips a delivery makes (reading the
 * case, a durable insert) are measured in {@code --rounds} rounds of one phase each, the sides
 * rotating, with both sets of sessions connected; each side's p99 is taken over all its rounds'
 * deliveries together. Before the rounds each side runs unmeasured for {@code --side-warmup}
 * seconds (10).
 *
 * <p>Usage: {@code java -Xmx2g -cp ... FanOutBench [--sessions=1000] [--cases=100] [--rate=200]
 * [--seconds=30] [--warmup=90] [--rounds=3] [--side-warmup=10]}. The hub runs in this JVM (demo profile, temporary data directory), so the
 * clients' CPU and heap are on the same two cores and in the same heap: see docs/web.md. Each measured
 * hub phase follows an unmeasured warm-up of {@code --warmup} seconds at the same rate (writes alone,
 * then again with the sessions connected). On two cores the one C2 compiler thread competes with
 * this JVM's 20 to 70 runnable threads and works through its queue for about three minutes: with 20 s
 * it still took about a seventh of the machine in the measured phase, and with 60 s each it still
 * did in some runs, a cost a hub that has been running a while no longer pays. Each phase prints
 * the CPU the JIT and the collector took meanwhile.
 */
public final class FanOutBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern ITEM_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final List<String> VIEWERS = List.of("police.north", "csc.north", "council.north", "csp.north",
            "health.north", "healthlead.north", "education.north", "youthjustice.north", "coordinator.north", "chair.north");
    static final String MEMBERS = "[\"essex-csc\",\"colchester-council\",\"north-essex-csp\",\"essex-health\","
            + "\"essex-education\",\"essex-youth-justice\"]";

    private static final Stalls STALLS = Stalls.meter();
    private final HttpClient http = HttpClient.newHttpClient();
    private FeedStages feed;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Queue<Long>> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final Queue<Long> writes = new ConcurrentLinkedQueue<>();
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    /** Threads that publish, as the servlet container's request threads would. */
    private final java.util.concurrent.ExecutorService publishers = Executors.newFixedThreadPool(8);
    /**
     * Threads that make the HTTP shares, one per share in flight (at most 64), each waiting for its
     * response. Not {@code HttpClient.sendAsync}: it hands every response to the JDK's default
     * asynchronous pool, which on a two-core machine is a new thread per task (200 thread starts a
     * second in the end-to-end phase, a cost of the benchmark's client, not of the hub).
     */
    private final java.util.concurrent.ExecutorService requesters = Executors.newFixedThreadPool(64, task -> {
        Thread thread = new Thread(task, "bench-share");
        thread.setDaemon(true);
        return thread;
    });

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args);
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "1000"));
        int cases = Integer.parseInt(options.getOrDefault("cases", "100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "90"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int sideWarmup = Integer.parseInt(options.getOrDefault("side-warmup", "10"));
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).profiles("demo").run(
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false",
                "--hub.storage.data-dir=" + Files.createTempDirectory("mace-fanout-"));
        String url = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
        System.out.printf("Fan-out bench: %d sessions, %d cases, %d items/s for %d s after %d s of warm-up (%d cores, java %s, max heap %d MB)%n",
                sessions, cases, rate, seconds, warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        int status = 0;
        try {
            new FanOutBench().run(hub, url, sessions, cases, rate, seconds, warmup, rounds, sideWarmup);
            var audit = hub.getBean(org.springframework.data.mongodb.core.MongoTemplate.class).getCollection("audit_entries");
            for (String action : List.of("intel.share", "chat.feed.delivered", "live.subscribe", "live.connect")) {
                System.out.printf("  audit %s: %d%n", action, audit.countDocuments(new org.bson.Document("action", action)));
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            hub.close();
        }
        System.exit(status); // the publishing and client threads are not daemons
    }

    private void run(ConfigurableApplicationContext hub, String url, int sessions, int cases, int rate, int seconds, int warmup, int rounds,
            int sideWarmup)
            throws Exception {
        feed = new FeedStages(hub.getBean(io.micrometer.core.instrument.MeterRegistry.class));
        Map<String, String> tokens = new HashMap<>();
        for (String user : VIEWERS) {
            tokens.put(user, userToken(url, user));
        }
        String poster = tokens.get("police.north");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            caseIds.add(post(url, poster, "/api/cases", "{\"childName\":\"Fan Out " + i + "\",\"dateOfBirth\":\""
                    + LocalDate.now().minusYears(14) + "\",\"district\":\"Colchester\",\"exploitationType\":\"CCE\","
                    + "\"memberAgencies\":" + MEMBERS + "}").get("id").asString());
        }
        List<String> payloads = new ArrayList<>();

        IntFunction<CompletableFuture<?>> share = n -> {
            String caseId = caseIds.get(n % cases);
            long start = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/cases/" + caseId + "/intel"))
                    .header("Authorization", "Bearer " + poster).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(item(n))).build();
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            return http.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }, requesters)
                    .thenAccept(r -> {
                        writes.add(System.nanoTime() - start);
                        if (r.statusCode() != 201 && failures.getAndIncrement() == 0) {
                            System.out.println("  first refused share: " + r.statusCode() + " " + r.body());
                        }
                        if (r.statusCode() == 201) {
                            Matcher id = ITEM_ID.matcher(r.body());
                            if (id.find()) {
                                started.put(id.group(1), start);
                                stored.put(id.group(1), caseId);
                            }
                            if (payloads.size() < 2000) {
                                synchronized (payloads) {
                                    payloads.add(r.body());
                                }
                            }
                        }
                    });
        };

        // --- warm-up: the same shares, unmeasured, so that the figures are the JIT-compiled hub's
        // and not its first minute (a running hub has long been past it)
        if (warmup > 0) {
            Result warm = drive(rate, warmup, share);
            System.out.printf("%nwarm-up: %d items in %d s (not measured)%n", warm.sent(), warmup);
            reset();
        }

        // --- the hub's write path alone: the same shares with nobody connected
        Result alone = drive(rate, Math.max(5, seconds / 3), share);
        report("hub, writes only (no session connected)", alone, 0);
        reset();

        // --- the hub: authenticated sessions, per-viewer projections, audited
        long heapBefore = usedHeapAfterGc();
        Clients hubClients = Clients.connect(url, sessions, i -> tokens.get(VIEWERS.get(i % VIEWERS.size())),
                i -> "/user/queue/cases/" + caseIds.get(i % cases), this::arrived);
        long hubHeap = (usedHeapAfterGc() - heapBefore) / sessions;
        if (warmup > 0) {
            // the delivery path (decisions, projections, frames to 1,000 sessions) is code the first
            // warm-up never ran: warm it the same way before measuring it
            Result warm = drive(rate, warmup, share);
            System.out.printf("%nwarm-up with the sessions connected: %d items in %d s (not measured)%n", warm.sent(), warmup);
            reset();
        }
        Result secure = drive(rate, seconds, share);
        report("hub, end to end: HTTP share -> each session's own projection", secure, hubHeap);
        reset();
        settle(hub.getBean(io.micrometer.core.instrument.MeterRegistry.class));

        // --- the hub's fan-out alone against the plain broadcast, in alternating rounds. Both sets
        // of sessions stay connected throughout (each set idle while the other is measured), and
        // the order alternates (hub first, then plain first, ...), so that neither side is always
        // measured on a quieter machine: on two cores one 15 s phase's p99 moved by 2x from run to
        // run, and a single pair of phases decided the ratio by that noise. Each side's figure is
        // its p99 over every delivery of all its rounds; each round's own p99s are printed beside.
        // Announced as the write path announces: with the item as stored (read here, before the
        // rounds, as the writer has it in hand), so the feed reads only who may see the case.
        ApplicationEventPublisher events = hub;
        ItemViews views = hub.getBean(ItemViews.class);
        List<IntelShared> items = new ArrayList<>();
        for (Map.Entry<String, String> item : stored.entrySet()) {
            if (items.size() == rate * seconds) {
                break;
            }
            items.add(new IntelShared(item.getValue(), item.getKey(), 1, IntelShared.Change.EDITED,
                    views.current(item.getValue(), item.getKey()).orElseThrow()));
        }
        IntFunction<CompletableFuture<?>> announce = n -> {
            IntelShared item = items.get(n % items.size());
            started.put(item.itemId() + "#" + n, System.nanoTime());
            return CompletableFuture.runAsync(() -> events.publishEvent(item), publishers);
        };
        try (PlainStompBroadcast plain = PlainStompBroadcast.start()) {
            SimpMessagingTemplate template = plain.template();
            heapBefore = usedHeapAfterGc();
            Clients plainClients = Clients.connect(plain.url(), sessions, i -> null,
                    i -> "/topic/cases/" + caseIds.get(i % cases), this::arrived);
            long plainHeap = (usedHeapAfterGc() - heapBefore) / sessions;
            IntFunction<CompletableFuture<?>> broadcast = plainBroadcast(template, payloads, caseIds, false, null, null);
            // the same broadcast, each message after the two round trips to the store a hub delivery
            // makes (reading the case's membership; a durable insert, as its audit entry is), with none
            // of the hub's security logic: how much of the gap is the store and how much the rest
            var mongo = hub.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
            IntFunction<CompletableFuture<?>> broadcastWithStore = plainBroadcast(template, payloads, caseIds, true,
                    mongo.getCollection("cases"),
                    mongo.getCollection("bench_deliveries").withWriteConcern(com.mongodb.WriteConcern.MAJORITY));
            List<String> sides = List.of("hub fan-out alone", "plain broadcast", "plain broadcast with the store round trips");
            List<IntFunction<CompletableFuture<?>>> senders = List.of(announce, broadcast, broadcastWithStore);
            List<List<Result>> results = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            // an unmeasured turn of each side first: the broadcasts' code has not run yet in this JVM
            // (and the hub's feed not since the plain sessions connected), and without it the first
            // round was the slowest for every side
            for (int side = 0; side < sides.size() && sideWarmup > 0; side++) {
                drive(rate, sideWarmup, senders.get(side));
                reset();
            }
            if (sideWarmup > 0) {
                System.out.printf("%neach side warmed for %d s before the rounds (not measured)%n", sideWarmup);
            }
            for (int round = 0; round < rounds; round++) {
                for (int turn = 0; turn < sides.size(); turn++) {
                    int side = (turn + round) % sides.size(); // each side first in one round of three
                    Result r = drive(rate, seconds, senders.get(side));
                    reset();
                    results.get(side).add(r);
                    System.out.printf("%nround %d of %d, %s: p99 %.2f ms (n=%d)%n", round + 1, rounds, sides.get(side),
                            Latencies.millisAt(r.latencies().stream().sorted().toList(), 0.99), r.latencies().size());
                }
            }
            Result fanOut = Result.pooled(results.get(0));
            Result baseline = Result.pooled(results.get(1));
            Result baselineWithStore = Result.pooled(results.get(2));
            report("hub, fan-out alone (IntelShared at the full rate; PDP per delivery, per-viewer projection, audit), "
                    + rounds + " rounds pooled", fanOut, hubHeap);
            report("baseline: plain Spring STOMP broadcast, same payloads, no security, " + rounds + " rounds pooled",
                    baseline, plainHeap);
            report("baseline: the same broadcast after reading the case and a durable insert per message, no security, "
                    + rounds + " rounds pooled", baselineWithStore, plainHeap);
            System.out.print("\nfan-out alone / plain broadcast / plain with the store round trips, p99 by round:");
            for (int round = 0; round < rounds; round++) {
                double a = Latencies.millisAt(results.get(0).get(round).latencies().stream().sorted().toList(), 0.99);
                double b = Latencies.millisAt(results.get(1).get(round).latencies().stream().sorted().toList(), 0.99);
                double c = Latencies.millisAt(results.get(2).get(round).latencies().stream().sorted().toList(), 0.99);
                System.out.printf(" %.2f/%.2f/%.2f ms (%.1fx, %.1fx)", a, b, c, a / b, a / c);
            }
            System.out.println();
            plainClients.close();
            hubClients.close();
            Figure.lower("fan-out", "delivery p99, fan-out alone, against a broadcast making the same store round trips",
                    Latencies.millisAt(fanOut.latencies().stream().sorted().toList(), 0.99), "ms",
                    "plain broadcast reading the case and inserting durably per message, no security",
                    Latencies.millisAt(baselineWithStore.latencies().stream().sorted().toList(), 0.99));
            figures(sessions, rate, secure, fanOut, baseline, hubHeap, plainHeap);
        }
    }

    /**
     * The plain broadcast of the hub's own item JSON (under a fresh id each time) to a case's
     * topic; with {@code store}, each message is sent only after reading the case's membership and
     * a durable insert, the two round trips to the store a hub delivery makes.
     */
    private IntFunction<CompletableFuture<?>> plainBroadcast(SimpMessagingTemplate template, List<String> payloads, List<String> caseIds,
            boolean store, com.mongodb.client.MongoCollection<org.bson.Document> cases,
            com.mongodb.client.MongoCollection<org.bson.Document> deliveries) {
        return n -> {
            String id = UUID.randomUUID().toString();
            String caseId = caseIds.get(n % caseIds.size());
            String body = ITEM_ID.matcher(payloads.get(n % payloads.size())).replaceFirst("\"id\":\"" + id + "\"");
            byte[] message = ("{\"change\":\"SHARED\",\"item\":" + body + "}").getBytes(StandardCharsets.UTF_8);
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            headers.setLeaveMutable(true);
            return CompletableFuture.runAsync(() -> {
                started.put(id, System.nanoTime());
                if (store) {
                    org.bson.Document found = cases.find(com.mongodb.client.model.Filters.eq("_id", caseId))
                            .projection(com.mongodb.client.model.Projections.include("quadrant", "memberAgencies")).first();
                    deliveries.insertOne(new org.bson.Document("item", id).append("members", found == null ? null : found.get("memberAgencies")));
                }
                template.send("/topic/cases/" + caseId, MessageBuilder.createMessage(message, headers.getMessageHeaders()));
            }, publishers);
        };
    }

    /**
     * Waits (at most a minute) until the store has moved the pages the end-to-end phase's writes
     * left behind: until its housekeeping has moved less than 256 KB in 3 s. The fan-out alone
     * leaves the write path out, and that work is the write path's; without the wait it ran into
     * the first round (a p99 of 6-7 ms there against 3-5 in the rounds after, and the broadcast
     * measured beside it slower too).
     */
    private static void settle(io.micrometer.core.instrument.MeterRegistry meters) throws InterruptedException {
        long began = System.nanoTime();
        java.util.ArrayDeque<Double> lastSeconds = new java.util.ArrayDeque<>();
        while (System.nanoTime() - began < TimeUnit.SECONDS.toNanos(60)) {
            var moved = meters.find("hub.storage.page-moves.bytes").summary();
            lastSeconds.addLast(moved == null ? 0 : moved.totalAmount());
            if (lastSeconds.size() > 4) {
                lastSeconds.removeFirst();
            }
            if (lastSeconds.size() == 4 && lastSeconds.peekLast() - lastSeconds.peekFirst() < 256 * 1024) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("%nsettled for %.0f s: the store's housekeeping after the end-to-end phase's writes (not measured)%n",
                (System.nanoTime() - began) / 1e9);
    }

    private void reset() {
        started.clear();
        arrivals.clear();
        received.set(0);
        writes.clear();
    }

    /** Item n's request: labels and segments in a fixed mix. */
    private static String item(int n) {
        String text;
        String label;
        switch (n % 10) {
            case 0, 1, 2, 3, 4 -> { label = "all-members"; text = "Update " + n + ": seen near the station with older males"; }
            case 5, 6 -> { label = "all-members"; text = "Update " + n + ": seen at [[police-only:12 High Street, flat 3]] late"; }
            case 7 -> { label = "police-only"; text = "Update " + n + ": vehicle index noted"; }
            case 8 -> { label = "police-and-csc"; text = "Update " + n + ": sibling also at risk"; }
            default -> { label = "police-source-protected"; text = "Update " + n + ": source reporting"; }
        }
        return "{\"text\":\"" + text + "\",\"category\":\"ASSOCIATES\",\"label\":\"" + label
                + "\",\"marking\":\"OFFICIAL_SENSITIVE\",\"observedAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
    }

    private void arrived(byte[] payload) {
        long now = System.nanoTime();
        received.incrementAndGet();
        Matcher id = ITEM_ID.matcher(new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8));
        if (id.find()) {
            arrivals.computeIfAbsent(id.group(1), k -> new ConcurrentLinkedQueue<>()).add(now);
        }
    }

    record Result(int sent, int skipped, double seconds, long messages, List<Long> latencies, List<Long> writes, Jvm jvm,
            List<long[]> spans, List<long[]> stalls, String feedStages) {

        /** Several phases' results as one: counts and times added, latencies, spans and stalls together. */
        static Result pooled(List<Result> phases) {
            List<Long> latencies = new ArrayList<>();
            List<Long> writes = new ArrayList<>();
            List<long[]> spans = new ArrayList<>();
            List<long[]> stalls = new ArrayList<>();
            int sent = 0;
            int skipped = 0;
            double seconds = 0;
            long messages = 0;
            Jvm jvm = new Jvm(0, 0, 0, 0, 0, 0);
            for (Result r : phases) {
                sent += r.sent();
                skipped += r.skipped();
                seconds += r.seconds();
                messages += r.messages();
                latencies.addAll(r.latencies());
                writes.addAll(r.writes());
                spans.addAll(r.spans());
                stalls.addAll(r.stalls());
                jvm = jvm.plus(r.jvm());
            }
            String stages = String.join("\n  ", phases.stream().map(Result::feedStages).filter(f -> !f.isEmpty()).toList());
            return new Result(sent, skipped, seconds, messages, latencies, writes, jvm, spans, stalls, stages);
        }
    }

    /**
     * What this JVM spent during a phase, so a slow run shows why: the process's CPU, and the part
     * of it the JIT compilers and the garbage collector's threads took (CPU time of those threads,
     * from /proc on Linux, zero elsewhere), and the collections with their time as the collectors
     * report it. The JIT's own "compilation time" counts elapsed time, which on two busy cores
     * mostly measures waiting for one, so it is not used.
     */
    record Jvm(long wallMillis, long cpuMillis, long jitCpuMillis, long gcCpuMillis, long collections, long collectionMillis) {

        static Jvm now() {
            long count = 0;
            long millis = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1_000_000 : 0;
            long jit = 0;
            long gcThreads = 0;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (java.io.IOException e) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += ticks * 10; // USER_HZ is 100 on Linux
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")
                            || name.startsWith("Shenandoah") || name.startsWith("ZWorker") || name.startsWith("ZDriver")) {
                        gcThreads += ticks * 10;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // no /proc: the per-thread split stays zero
            }
            return new Jvm(System.nanoTime() / 1_000_000, cpu, jit, gcThreads, count, millis);
        }

        Jvm plus(Jvm other) {
            return new Jvm(wallMillis + other.wallMillis, cpuMillis + other.cpuMillis, jitCpuMillis + other.jitCpuMillis,
                    gcCpuMillis + other.gcCpuMillis, collections + other.collections, collectionMillis + other.collectionMillis);
        }

        Jvm since(Jvm before) {
            return new Jvm(wallMillis - before.wallMillis, cpuMillis - before.cpuMillis, jitCpuMillis - before.jitCpuMillis, gcCpuMillis - before.gcCpuMillis,
                    collections - before.collections, collectionMillis - before.collectionMillis);
        }
    }

    /** Calls {@code send} {@code rate} times a second for {@code seconds}, at most 64 in flight; then waits for stragglers. */
    private Result drive(int rate, int seconds, IntFunction<CompletableFuture<?>> send) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        Jvm jvmBefore = Jvm.now();
        FeedStages.Mark stages = feed.mark();
        long begin = System.nanoTime();
        long periodMicros = 1_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                return;
            }
            sent.incrementAndGet();
            send.apply(next.getAndIncrement()).whenComplete((r, e) -> inFlight.release());
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.shutdownNow();
        inFlight.acquire(64);
        Thread.sleep(2000);
        Jvm jvm = Jvm.now().since(jvmBefore);
        double elapsed = (System.nanoTime() - begin) / 1e9 - 2.0;
        List<Long> latencies = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        Map<String, List<Long>> startsById = new HashMap<>();
        started.forEach((key, start) -> startsById.computeIfAbsent(key.split("#")[0], k -> new ArrayList<>()).add(start));
        arrivals.forEach((id, times) -> {
            List<Long> starts = startsById.getOrDefault(id, List.of()).stream().sorted().toList();
            for (long t : times) {
                // the latest announcement of this item made before the arrival
                long best = -1;
                for (long s0 : starts) {
                    if (s0 <= t) {
                        best = s0;
                    }
                }
                if (best >= 0) {
                    latencies.add(t - best);
                    spans.add(new long[] {best, t});
                }
            }
        });
        return new Result(sent.get(), skipped.get(), elapsed, received.get(), latencies, List.copyOf(writes), jvm,
                spans, STALLS.between(begin, System.nanoTime()), stages.since());
    }

    /** The run's figures for the bench table, each beside the plain broadcast of the same run. */
    private static void figures(int sessions, int rate, Result secure, Result fanOut, Result baseline, long hubHeap, long plainHeap) {
        String bench = "fan-out";
        String plain = "plain Spring STOMP broadcast, no security";
        List<Long> e2e = secure.latencies().stream().sorted().toList();
        List<Long> alone = fanOut.latencies().stream().sorted().toList();
        List<Long> base = baseline.latencies().stream().sorted().toList();
        String setting = sessions + " sessions, target " + rate + " items/s";
        Figure.higher(bench, "items/s shared and delivered end to end (" + setting + ")", secure.sent() / secure.seconds(), "items/s",
                plain, baseline.sent() / baseline.seconds());
        Figure.higher(bench, "messages/s delivered end to end", secure.messages() / secure.seconds(), "messages/s",
                plain, baseline.messages() / baseline.seconds());
        Figure.lower(bench, "delivery p50, HTTP share -> each session's own projection", Latencies.millisAt(e2e, 0.50), "ms", plain, Latencies.millisAt(base, 0.50));
        Figure.lower(bench, "delivery p99, HTTP share -> each session's own projection", Latencies.millisAt(e2e, 0.99), "ms", plain, Latencies.millisAt(base, 0.99));
        Figure.lower(bench, "delivery p99, fan-out alone (write path left out)", Latencies.millisAt(alone, 0.99), "ms", plain, Latencies.millisAt(base, 0.99));
        Figure.lower(bench, "heap per session (client and server in one JVM)", hubHeap / 1024.0, "KB", plain, plainHeap / 1024.0);
    }

    private static void report(String what, Result r, long heapPerSession) {
        List<Long> sorted = r.latencies().stream().sorted().toList();
        System.out.printf("%n%s%n  items sent %d (%.0f/s; %d ticks skipped, 64 in flight), messages delivered %d (%.0f/s)%n"
                        + "  delivery latency (n=%d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  heap per session (client and server, this JVM, after GC): %.1f KB%n",
                what, r.sent(), r.sent() / r.seconds(), r.skipped(), r.messages(), r.messages() / r.seconds(), sorted.size(),
                Latencies.millisAt(sorted, 0.50), Latencies.millisAt(sorted, 0.90), Latencies.millisAt(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                heapPerSession / 1024.0);
        if (!r.writes().isEmpty()) {
            List<Long> w = r.writes().stream().sorted().toList();
            System.out.printf("  HTTP share round trip (n=%d): p50 %.1f ms, p99 %.1f ms%n", w.size(), Latencies.millisAt(w, 0.50), Latencies.millisAt(w, 0.99));
        }
        if (!sorted.isEmpty()) {
            System.out.println("  " + Stalls.attribution(r.spans(), r.stalls(), Latencies.nanosAt(sorted, 0.99)));
        }
        if (!r.feedStages().isEmpty()) {
            System.out.println("  " + r.feedStages());
        }
        double wall = Math.max(1, r.jvm().wallMillis());
        System.out.printf("  this JVM meanwhile: CPU %.2f cores of %d (JIT compilers %.2f, GC and VM threads %.2f); "
                        + "%d garbage collections, %,d ms%n",
                r.jvm().cpuMillis() / wall, Runtime.getRuntime().availableProcessors(), r.jvm().jitCpuMillis() / wall,
                r.jvm().gcCpuMillis() / wall, r.jvm().collections(), r.jvm().collectionMillis());
    }


    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Many STOMP sessions on one client, each subscribed (with receipt) to one destination. */
    private static final class Clients {
        private final WebSocketStompClient client;
        private final List<StompSession> sessions;

        private Clients(WebSocketStompClient client, List<StompSession> sessions) {
            this.client = client;
            this.sessions = sessions;
        }

        static Clients connect(String url, int count, IntFunction<String> token, IntFunction<String> destination,
                java.util.function.Consumer<byte[]> onMessage) throws Exception {
            WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(2);
            scheduler.initialize();
            client.setTaskScheduler(scheduler);
            client.setInboundMessageSizeLimit(256 * 1024);
            List<StompSession> sessions = new ArrayList<>();
            for (int from = 0; from < count; from += 50) {
                List<CompletableFuture<StompSession>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 50); i++) {
                    StompHeaders connect = new StompHeaders();
                    if (token.apply(i) != null) {
                        connect.add("Authorization", "Bearer " + token.apply(i));
                    }
                    batch.add(client.connectAsync(url.replaceFirst("^http", "ws") + "/ws", new WebSocketHttpHeaders(),
                            connect, new StompSessionHandlerAdapter() {}));
                }
                for (int i = 0; i < batch.size(); i++) {
                    StompSession session = batch.get(i).get(30, TimeUnit.SECONDS);
                    session.setAutoReceipt(true);
                    CompletableFuture<Void> subscribed = new CompletableFuture<>();
                    session.subscribe(destination.apply(from + i), new StompFrameHandler() {
                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return byte[].class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            onMessage.accept((byte[]) payload);
                        }
                    }).addReceiptTask(() -> subscribed.complete(null));
                    if (token.apply(i) != null) {
                        subscribed.get(30, TimeUnit.SECONDS); // the plain broker sends no receipts
                    }
                    sessions.add(session);
                }
            }
            return new Clients(client, sessions);
        }

        void close() {
            sessions.forEach(s -> {
                try {
                    s.disconnect();
                } catch (RuntimeException e) {
                    // already gone
                }
            });
            client.stop();
        }
    }

    private tools.jackson.databind.JsonNode post(String base, String token, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A demo user's token through the real authorization code + PKCE flow (as scripts/dev-token does). */
    static String userToken(String base, String username) throws Exception {
        return new HubConnection(base).userToken(username);
    }
}
