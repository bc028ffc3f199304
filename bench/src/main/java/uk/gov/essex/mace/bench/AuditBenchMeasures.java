package uk.gov.essex.mace.bench;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.Document;
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
    }

    /** Reads every entry document in sequence order and does nothing with it: the I/O floor. */
    static double scanOnly(MongoTemplate mongo) {
        long start = System.nanoTime();
        long count = 0;
        try (MongoCursor<Document> cursor = mongo.getCollection("audit_entries").find().sort(Sorts.ascending("_id")).batchSize(5_000).cursor()) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count < 0 ? 0 : AuditBench.seconds(start);
    }

    /** SHA-256 over each entry's canonical bytes, already in memory. */
    static double rawSha256(List<byte[]> canonical) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        for (byte[] bytes : canonical) {
            sha.update(bytes);
            sha.digest();
        }
        return AuditBench.seconds(start);
    }

    /** Everything the verifier does per entry and per head, minus reading from the database. */
    static double checkInMemory(List<Document> documents, List<Document> heads, TreeHeadSigner signer, EntrySeal seal) {
        long start = System.nanoTime();
        TrailChecker checker = new TrailChecker(signer, seal, heads.iterator(), seq -> -1);
        for (Document doc : documents) {
            checker.accept(doc);
        }
        if (checker.finish() != null) {
            throw new IllegalStateException("in-memory check failed");
        }
        return AuditBench.seconds(start);
    }

}
