package uk.gov.essex.mace.bench;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.gov.essex.mace.audit.internal.AuditProofs;
import uk.gov.essex.mace.audit.internal.EntrySeal;
import uk.gov.essex.mace.audit.internal.TrailChecker;
import uk.gov.essex.mace.audit.internal.TreeHeadSigner;

/** The timed parts of {@link AuditBench}: proofs, and verification beside its baselines. */
final class AuditBenchMeasures {

    private AuditBenchMeasures() {}

    static void proofProfile(AuditProofs proofs, int total, List<String> rows) {
        Random random = new Random(1);
        int samples = 20_000;
        long[] inclusion = new long[samples];
        long[] consistency = new long[samples];
        for (int i = 0; i < samples; i++) {
            long seq = (long) (random.nextDouble() * total);
            long start = System.nanoTime();
            proofs.inclusion(seq, total);
            inclusion[i] = System.nanoTime() - start;
            long from = 1 + (long) (random.nextDouble() * (total - 1));
            start = System.nanoTime();
            proofs.consistency(from, total);
            consistency[i] = System.nanoTime() - start;
        }
        Arrays.sort(inclusion);
        Arrays.sort(consistency);
        rows.add(AuditBench.row("inclusion proof, tree of " + total + ", p50", inclusion[samples / 2] / 1e3, "us"));
        rows.add(AuditBench.row("inclusion proof, tree of " + total + ", p99", inclusion[samples * 99 / 100] / 1e3, "us"));
        rows.add(AuditBench.row("consistency proof, random m -> " + total + ", p50", consistency[samples / 2] / 1e3, "us"));
        rows.add(AuditBench.row("consistency proof, random m -> " + total + ", p99", consistency[samples * 99 / 100] / 1e3, "us"));
        Figure.alone("audit", "inclusion proof, tree of " + total + ", p99 (target < 1 ms)", inclusion[samples * 99 / 100] / 1e3, "us");
        Figure.alone("audit", "consistency proof, random m -> " + total + ", p99 (target < 1 ms)",
                consistency[samples * 99 / 100] / 1e3, "us");
    }

    static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    static MongoCollection<RawBsonDocument> rawEntries(MongoTemplate mongo) {
        return mongo.getCollection("audit_entries").withDocumentClass(RawBsonDocument.class);
    }

    /** Reads every entry document in sequence order, as the verifier does, and does nothing with it: the I/O floor. */
    static double scanOnly(MongoTemplate mongo) {
        long start = System.nanoTime();
        long count = 0;
        try (MongoCursor<RawBsonDocument> cursor = rawEntries(mongo).find().sort(Sorts.ascending("_id")).batchSize(5_000).cursor()) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count < 0 ? 0 : AuditBench.seconds(start);
    }

    /** SHA-256 over each entry's canonical bytes, already in memory: one digest per entry, nothing allocated. */
    static double rawSha256(List<byte[]> canonical) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] out = new byte[32];
        long start = cpuNanos();
        for (byte[] bytes : canonical) {
            sha.update(bytes);
            sha.digest(out, 0, 32);
        }
        return cpuSeconds(start);
    }

    /** SHA-256 over each stored document's BSON bytes, already in memory: the bytes the verifier reads. */
    static double rawSha256Stored(List<RawBsonDocument> documents) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] out = new byte[32];
        long start = cpuNanos();
        for (RawBsonDocument doc : documents) {
            ByteBuf bytes = doc.getByteBuffer();
            sha.update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            sha.digest(out, 0, 32);
        }
        return cpuSeconds(start);
    }

    /**
     * Everything the verifier does per entry and per head (parse, canonical bytes, leaf hash and
     * its comparison, seal, tree, signed heads) on the stored documents, minus reading them.
     */
    static double checkInMemory(List<RawBsonDocument> documents, List<Document> heads, TreeHeadSigner signer, EntrySeal seal) {
        long start = cpuNanos();
        TrailChecker checker = new TrailChecker(signer, seal, heads.iterator(), seq -> -1);
        for (RawBsonDocument doc : documents) {
            checker.accept(doc);
        }
        if (checker.finish() != null || checker.entriesChecked() != documents.size()) {
            throw new IllegalStateException("in-memory check failed");
        }
        return cpuSeconds(start);
    }

    /** The same, through the general path: each document decoded into a Document first. */
    static double checkDecoded(List<RawBsonDocument> documents, List<Document> heads, TreeHeadSigner signer, EntrySeal seal) {
        long start = cpuNanos();
        TrailChecker checker = new TrailChecker(signer, seal, heads.iterator(), seq -> -1);
        for (RawBsonDocument doc : documents) {
            checker.accept(doc.decode(DOCUMENTS));
        }
        if (checker.finish() != null || checker.entriesChecked() != documents.size()) {
            throw new IllegalStateException("in-memory check failed");
        }
        return cpuSeconds(start);
    }

    /**
     * The in-process measures are single-threaded work, timed in this thread's CPU time: on a
     * machine shared with other jobs wall-clock time also counts the time the thread waited for a
     * core, which would make each figure (and so each ratio) depend on the neighbours.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static double cpuSeconds(long startCpuNanos) {
        return (cpuNanos() - startCpuNanos) / 1e9;
    }
}
