package uk.gov.essex.mace.audit.internal;

import com.mongodb.client.MongoCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Verifies the whole trail from the database alone (plus the hub's keys): every entry, every
 * signed tree head, streaming a batch at a time. See {@link TrailChecker} for what is checked and
 * how findings are named.
 */
@Service
public class AuditVerifier {

    static final int BATCH = 5_000;
    private static final long PROGRESS_EVERY = 10_000;

    private final AuditEntries entries;
    private final TreeHeads heads;
    private final TreeHeadSigner signer;
    private final EntrySeal seal;
    private final Clock clock;
    private final AuditTrail trail;

    public AuditVerifier(
            AuditEntries entries, TreeHeads heads, TreeHeadSigner signer, EntrySeal seal, Clock clock, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
        this.heads = heads;
        this.signer = signer;
        this.seal = seal;
        this.clock = clock;
    }

    public VerificationReport verify() {
        return verify(Progress.NONE);
    }

    /** Verifies, then records who verified and what they found as {@code audit.verify}. */
    public VerificationReport verifyAndRecord(HubPrincipal who) {
        VerificationReport report = verify();
        AuditEvent event = AuditEvent.of(who, "audit.verify", AuditEvent.Outcome.SUCCESS)
                .with("intact", String.valueOf(report.intact()))
                .with("entriesChecked", String.valueOf(report.entriesChecked()));
        if (report.firstFinding() != null) {
            event = event.with("finding", report.firstFinding().kind().name())
                    .with("sequence", String.valueOf(report.firstFinding().sequence()));
        }
        trail.append(event);
        return report;
    }

    /** Walks the trail, telling {@code progress} how far it has got now and then. */
    public VerificationReport verify(Progress progress) {
        Instant start = clock.instant();
        long total = entries.estimatedCount();
        try (MongoCursor<Document> headCursor = heads.all();
                Prefetcher<RawBsonDocument> cursor = new Prefetcher<>(entries.all(BATCH), BATCH)) {
            TrailChecker checker = new TrailChecker(signer, seal, headCursor, entries::positionClaiming);
            while (cursor.hasNext() && checker.accept(cursor.next())) {
                if (checker.entriesChecked() % PROGRESS_EVERY == 0) {
                    progress.reached(checker.entriesChecked(), total);
                }
            }
            TamperFinding finding = checker.finish();
            progress.reached(checker.entriesChecked(), total);
            return new VerificationReport(
                    finding == null,
                    checker.entriesChecked(),
                    checker.headsChecked(),
                    checker.verifiedSize(),
                    finding,
                    Duration.between(start, clock.instant()));
        }
    }

    /** Told how many entries have been checked out of about how many. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> {};

        void reached(long done, long total);
    }
}
