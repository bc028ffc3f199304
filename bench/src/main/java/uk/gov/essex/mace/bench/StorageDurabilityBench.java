package uk.gov.essex.mace.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import uk.gov.essex.mace.storage.EmbeddedMongoServer;
import uk.gov.essex.mace.storage.StorageProperties.Durability;

/**
 * Insert throughput and file size of the embedded store in each durability mode, beside the
 * library's own background saving (BACKGROUND) measured in the same run. Each mode gets a fresh
 * server in a fresh directory and the same workload through the real driver; one insert of about
 * 1 KB per request, acknowledged with the default write concern.
 *
 * <p>Arguments (optional): threads x documents per thread for the concurrent workload, documents
 * for the single-threaded one, and the modes to run, and the rounds (median reported), e.g. {@code 8 2500 2000 BACKGROUND,GROUP_COMMIT 3}.
 */
public final class StorageDurabilityBench {


    record Workload(int threads, int perThread) {
        int total() {
            return threads * perThread;
        }
    }

    record Result(Durability mode, Workload workload, double insertsPerSecond, long bytesLive, long bytesClosed) {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
        int single = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        List<Durability> modes = args.length > 3
                ? Stream.of(args[3].split(",")).map(Durability::valueOf).toList()
                : List.of(Durability.BACKGROUND, Durability.GROUP_COMMIT, Durability.PER_WRITE);
        List<Workload> workloads = List.of(new Workload(threads, perThread), new Workload(1, single));
        quietLogging();

        // warm the JIT on driver and server code so the first mode measured is not penalised
        run(Durability.GROUP_COMMIT, new Workload(4, 500));

        // modes interleaved and repeated, the median kept: on a shared machine one slow minute
        // must not land on one mode only
        List<Result> results = new ArrayList<>();
        for (Workload workload : workloads) {
            List<Result> rounds = new ArrayList<>();
            for (int round = 0; round < rounds(args); round++) {
                for (Durability mode : modes) {
                    Result result = run(mode, workload);
                    rounds.add(result);
                    System.err.printf(Locale.ROOT, "round %d %s %dx%d: %.0f inserts/s%n", round + 1,
                            mode, workload.threads(), workload.perThread(), result.insertsPerSecond());
                }
            }
            for (Durability mode : modes) {
                results.add(median(rounds.stream().filter(r -> r.mode() == mode).toList()));
            }
        }
        print(results);
        for (Workload workload : workloads) {
            Result durable = results.stream().filter(r -> r.workload().equals(workload) && r.mode() == Durability.GROUP_COMMIT)
                    .findFirst().orElse(null);
            Result background = results.stream().filter(r -> r.workload().equals(workload) && r.mode() == Durability.BACKGROUND)
                    .findFirst().orElse(null);
            if (durable != null && background != null) {
                Figure.higher("storage", "embedded store, durable inserts (group commit), " + workload.threads() + " writer(s)",
                        durable.insertsPerSecond(), "inserts/s", "background saving (loses acknowledged writes on kill -9)",
                        background.insertsPerSecond());
            }
        }
    }

    private static int rounds(String[] args) {
        return args.length > 4 ? Integer.parseInt(args[4]) : 3;
    }

    private static Result median(List<Result> rounds) {
        List<Result> sorted = rounds.stream().sorted(Comparator.comparingDouble(Result::insertsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    static Result run(Durability mode, Workload workload) throws Exception {
        Path dir = Files.createTempDirectory("storage-bench-");
        try {
            long bytesLive;
            double rate;
            EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, mode);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
                docs.insertOne(new Document("warm", true));
                rate = insert(docs, workload);
                bytesLive = Files.size(server.dataFile());
            } finally {
                server.close();
            }
            return new Result(mode, workload, rate, bytesLive, Files.size(server.dataFile()));
        } finally {
            delete(dir);
        }
    }

    private static double insert(MongoCollection<Document> docs, Workload workload) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workload.threads());
        try {
            long start = System.nanoTime();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < workload.threads(); t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < workload.perThread(); i++) {
                        docs.insertOne(document(writer, i));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            return workload.total() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** About 1 KB: a few fields and 900 random characters that do not compress. */
    private static Document document(int writer, int i) {
        StringBuilder body = new StringBuilder(900);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int c = 0; c < 900; c++) {
            body.append((char) ('a' + random.nextInt(26)));
        }
        return new Document("writer", writer).append("seq", i).append("kind", "referral").append("body", body.toString());
    }

    private static void print(List<Result> results) {
        System.out.println("| workload | mode | inserts/s | vs BACKGROUND | file after run | file after close |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (Result r : results) {
            double baseline = results.stream()
                    .filter(b -> b.workload().equals(r.workload()) && b.mode() == Durability.BACKGROUND)
                    .findFirst().map(Result::insertsPerSecond).orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "| %d x %,d | %s | %,.0f | %.2fx | %s | %s |%n",
                    r.workload().threads(), r.workload().perThread(), r.mode(), r.insertsPerSecond(),
                    r.insertsPerSecond() / baseline, megabytes(r.bytesLive()), megabytes(r.bytesClosed()));
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Without a Boot context logback logs every driver and server command at DEBUG. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
