package uk.gov.essex.mace.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.storage.RemovedDataScrub;

/**
 * After an erasure, has the embedded store's file scrubbed of what it removed ({@link RemovedDataScrub})
 * and records the outcome; on a real MongoDB there is nothing to scrub here (its files, oplog and
 * backups are the operator's: docs/lawful-handling.md). One place for both erasers, cases and
 * disruption months.
 */
@Component
class StoreFileScrub {

    private static final Logger log = LoggerFactory.getLogger(StoreFileScrub.class);

    private final ObjectProvider<RemovedDataScrub> scrubs;
    private final AuditTrail audit;

    StoreFileScrub(ObjectProvider<RemovedDataScrub> scrubs, AuditTrail audit) {
        this.scrubs = scrubs;
        this.audit = audit;
    }

    /** What a tombstone says of the store file: {@code scrub-requested} on the embedded store, else {@code external-store}. */
    String tombstoneState() {
        return scrubs.getIfAvailable() == null ? "external-store" : "scrub-requested";
    }

    /**
     * Requests the scrub and, when it ends, appends {@code action} for {@code target}: SUCCESS with
     * its counts, or FAILED (a stop before it ends leaves the request to the next start, which
     * scrubs without an entry).
     */
    void after(String target, String action) {
        RemovedDataScrub scrub = scrubs.getIfAvailable();
        if (scrub == null) {
            return;
        }
        scrub.scrub().whenComplete((report, failure) -> {
            if (failure != null) {
                log.warn("{} erased, but scrubbing the store file failed; it is tried again at the next start", target,
                        failure);
                audit.append(AuditEvent.of(null, action, AuditEvent.Outcome.FAILED, target).with("reason", "scrub-failed"));
                return;
            }
            audit.append(AuditEvent.of(null, action, AuditEvent.Outcome.SUCCESS, target)
                    .with("chunksRewritten", Integer.toString(report.chunksRewritten()))
                    .with("bytesZeroed", Long.toString(report.bytesZeroed())));
        });
    }
}
