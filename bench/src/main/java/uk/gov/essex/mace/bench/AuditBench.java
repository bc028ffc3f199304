package uk.gov.essex.mace.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.internal.AuditEntries;
import uk.gov.essex.mace.audit.internal.AuditProofs;
import uk.gov.essex.mace.audit.internal.AuditVerifier;
import uk.gov.essex.mace.audit.internal.EntryDocuments;
import uk.gov.essex.mace.audit.internal.EntryEncoding;
import uk.gov.essex.mace.audit.internal.EntrySeal;
import uk.gov.essex.mace.audit.internal.MongoAuditTrail;
import uk.gov.essex.mace.audit.internal.TrailEnd;
import uk.gov.essex.mace.audit.internal.TreeHeadSigner;
import uk.gov.essex.mace.audit.internal.TreeHeads;
import uk.gov.essex.mace.audit.internal.VerificationReport;
import uk.gov.essex.mace.crypto.HubKeys;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * The audit trail's costs, each beside its baseline from the same run: append throughput through
 * the real MongoDB driver on the embedded wire server (in-memory backend, so no disk in the
 * figure), full verification of the trail beside a bare scan of the same documents and raw SHA-256
 * over the same bytes (the entries' canonical bytes, and the stored documents the verifier reads),
 * and inclusion and consistency proof latency. Each timing is the best of several rounds that
 * interleave a figure and its baselines, so a busy machine slows both sides of a ratio alike.
 *
 * <p>Run: {@code ./mvnw -o -q -pl client-sdk,server,bench package -DskipTests && java -Xmx10g -cp
 * bench/target/classes:$(cat bench/target/cp.txt) uk.gov.essex.mace.bench.AuditBench [entries]}.
 */
public final class AuditBench {

    private static final HubPrincipal ALICE = new HubPrincipal("alice", "essex-police", AgencyType.POLICE,
            Set.of(Role.POLICE_INTELLIGENCE), Set.of(Quadrant.MID), "hub-web", "https://hub.example");

    private AuditBench() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        // Without a logback.xml every driver call would log at DEBUG and the figures would measure logging.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            run(new MongoTemplate(client, "bench"), total);
        } finally {
            server.shutdownNow();
        }
    }

    private static void run(MongoTemplate mongo, int total) throws Exception {
        HubKeys keys = randomKeys();
        Clock clock = Clock.systemUTC();
        AuditEntries entries = new AuditEntries(mongo);
        TreeHeads heads = new TreeHeads(mongo);
        EntrySeal seal = new EntrySeal(keys);
        TreeHeadSigner signer = new TreeHeadSigner(keys);
        MongoAuditTrail trail = new MongoAuditTrail(entries, new TrailEnd(entries, heads), seal, clock);
        AuditProofs proofs = new AuditProofs(entries, heads, signer, clock);
        AuditVerifier verifier = new AuditVerifier(entries, heads, signer, seal, clock, trail);
        List<String> rows = new ArrayList<>();

        appendOneByOne(trail, 2_000, 1); // warm-up
        for (int threads : new int[] {1, 8, 32}) {
            double rate = appendOneByOne(trail, 20_000, threads);
            rows.add(row("append, " + threads + " thread(s), one call per entry", rate, "entries/s"));
            if (threads != 8) {
                Figure.alone("audit", "append, " + threads + " thread(s), one call per entry", rate, "entries/s");
            }
        }

        long appended = proofs.signTreeHead().orElseThrow().treeSize();
        long start = System.nanoTime();
        int chunk = 10_000;
        for (long n = appended; n < total; n += chunk) {
            int count = (int) Math.min(chunk, total - n);
            List<AuditEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(event(n + i));
            }
            trail.appendAll(events);
            if ((n + count) / 100_000 > n / 100_000) {
                proofs.signTreeHead();
            }
        }
        proofs.signTreeHead();
        double loadSeconds = seconds(start);
        rows.add(row("bulk load to " + total + " entries (appendAll, signing every 100k)", (total - appended) / loadSeconds, "entries/s"));

        // A process that has not seen the trail yet (just started) loads every leaf hash once.
        proofs = new AuditProofs(entries, heads, signer, clock);
        start = System.nanoTime();
        proofs.inclusion(0, total);
        rows.add(row("first proof after a restart: load " + total + " leaf hashes", seconds(start), "s"));
        AuditBenchMeasures.proofProfile(proofs, total, rows);

        // The documents as the verifier reads them (stored BSON bytes), and each entry's canonical bytes.
        List<RawBsonDocument> documents = new ArrayList<>();
        List<byte[]> canonical = new ArrayList<>();
        try (MongoCursor<RawBsonDocument> cursor = AuditBenchMeasures.rawEntries(mongo).find().sort(Sorts.ascending("_id")).batchSize(5_000).cursor()) {
            while (cursor.hasNext()) {
                RawBsonDocument doc = cursor.next();
                documents.add(doc);
                canonical.add(EntryEncoding.encode(EntryDocuments.fromDocument(doc.decode(AuditBenchMeasures.DOCUMENTS))));
            }
        }
        List<Document> headDocs = mongo.getCollection("audit_tree_heads").find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        double verify = Double.MAX_VALUE;
        double scan = Double.MAX_VALUE;
        double sha = Double.MAX_VALUE;
        double shaStored = Double.MAX_VALUE;
        double check = Double.MAX_VALUE;
        double general = Double.MAX_VALUE;
        VerificationReport report = null;
        for (int round = 0; round < 5; round++) {
            scan = Math.min(scan, AuditBenchMeasures.scanOnly(mongo));
            sha = Math.min(sha, AuditBenchMeasures.rawSha256(canonical));
            check = Math.min(check, AuditBenchMeasures.checkInMemory(documents, headDocs, signer, seal));
            shaStored = Math.min(shaStored, AuditBenchMeasures.rawSha256Stored(documents));
            if (round < 2) {
                general = Math.min(general, AuditBenchMeasures.checkDecoded(documents, headDocs, signer, seal));
            }
            start = System.nanoTime();
            report = verifier.verify();
            verify = Math.min(verify, seconds(start));
            if (!report.intact() || report.entriesChecked() < total) {
                throw new IllegalStateException("benchmark trail did not verify: " + report);
            }
        }
        long checked = report.entriesChecked();
        long bytes = canonical.stream().mapToLong(b -> b.length).sum();
        long stored = documents.stream().mapToLong(d -> d.getByteBuffer().remaining()).sum();
        rows.add(row("verify " + checked + " entries (" + report.treeHeadsChecked() + " heads), from the database", verify, "s"));
        rows.add(row("  baseline: scan the same documents in order, no checks", scan, "s"));
        rows.add(row("  checks alone, on the stored documents already in memory (CPU)", check, "s"));
        rows.add(row("  the same checks through decoded Documents, general path (CPU)", general, "s"));
        rows.add(row("  baseline: raw SHA-256 over the canonical bytes (" + bytes / checked + " B avg, CPU)", sha, "s"));
        rows.add(row("  baseline: raw SHA-256 over the stored documents (" + stored / checked + " B avg, CPU)", shaStored, "s"));
        rows.add(row("  ratio: checks alone / raw SHA-256 over canonical bytes", check / sha, "x"));
        rows.add(row("  ratio: checks alone / raw SHA-256 over stored documents", check / shaStored, "x"));
        rows.add(row("  ratio: general path / raw SHA-256 over canonical bytes", general / sha, "x"));
        rows.add(row("  ratio: verify from the database (wall) / SHA-256 over canonical bytes (CPU)", verify / sha, "x"));
        rows.add(row("  ratio: verify from the database (wall) / SHA-256 over stored documents (CPU)", verify / shaStored, "x"));
        rows.add(row("  ratio: verify from the database / bare scan (both wall)", verify / scan, "x"));
        rows.add(row("  verify rate, from the database", checked / verify, "entries/s"));
        Figure.lower("audit", "verify " + checked + " entries from the store (wall)", verify, "s",
                "bare ordered scan of the same documents", scan);
        Figure.lower("audit", "verification checks alone (CPU)", check, "s", "raw SHA-256 over the stored documents", shaStored);
        Figure.lower("audit", "verification checks alone (CPU), against the canonical bytes", check, "s",
                "raw SHA-256 over the canonical bytes", sha);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-78s %14s %s%n", "audit benchmark (embedded wire server, in-memory backend)", "value", "unit");
        rows.forEach(System.out::println);
    }

    private static double appendOneByOne(MongoAuditTrail trail, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < count / threads; i++) {
                    trail.append(event(i));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double rate = count / seconds(start);
        pool.shutdown();
        return rate;
    }

    static AuditEvent event(long n) {
        return AuditEvent.of(ALICE, "case.read", AuditEvent.Outcome.SUCCESS, "case-" + (n % 5_000), "item-" + n)
                .with("projection", "police")
                .with("label", "OFFICIAL-SENSITIVE");
    }

    private static HubKeys randomKeys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
        generator.init(256);
        SecretKey secret = generator.generateKey();
        return new HubKeys() {
            @Override
            public KeyPair keyPair(String alias, String algorithm) {
                return pair;
            }

            @Override
            public SecretKey secretKey(String alias) {
                return secret;
            }
        };
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String row(String what, double value, String unit) {
        return String.format(Locale.ROOT, "%-78s %,14.2f %s", what, value, unit);
    }
}
