package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.crypto.CaseKeys;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Erases a case whose erasure was approved: writes the ledger line, removes the case document,
 * destroys the case's data key (so every sealed value anywhere, replicas and backups included, can
 * no longer be opened), has every feature remove its documents through its public hook, then appends
 * the {@code case.erased} tombstone (record kinds and counts, schedule, proposer and approver: ids
 * only) and closes the review. Each step is idempotent and the running counts are kept on the review,
 * so an erasure interrupted anywhere is finished by the next evaluation with the full count.
 *
 * <p>On the embedded store it then has the store file scrubbed ({@link StoreFileScrub}): the old
 * pages of every removed document, clear-text fields and ids included, and any stale copy of the
 * destroyed wrapped key, are overwritten, in the background; a {@code case.erasure.scrubbed} entry
 * follows when that is done. A real MongoDB's files and backups are the operator's
 * (docs/lawful-handling.md).
 */
@Component
class CaseEraser {

    private static final Logger log = LoggerFactory.getLogger(CaseEraser.class);

    private final ErasureSteps steps;
    private final CaseKeys keys;
    private final RetentionReviews reviews;
    private final ErasureLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final StoreFileScrub scrubs;

    CaseEraser(ErasureSteps steps, CaseKeys keys, RetentionReviews reviews, ErasureLedger ledger, AuditTrail audit,
            Clock clock, StoreFileScrub scrubs) {
        this.steps = steps;
        this.keys = keys;
        this.reviews = reviews;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.scrubs = scrubs;
    }

    /**
     * Finishes the erasure of a review in {@link ReviewStatus#ERASING}.
     *
     * @param approver who approved, when it runs in their request; {@code null} when the evaluation resumes it
     * @return records removed per kind
     */
    Map<String, Integer> erase(Review review, HubPrincipal approver) {
        String caseId = review.caseId();
        ledger.record(caseId, clock.instant(), review.schedule());
        Map<String, Integer> erased = new LinkedHashMap<>(review.erased());
        run(caseId, steps.caseStep(), erased);
        keys.destroy(caseId);
        for (ErasureSteps.Step step : steps.afterKey()) {
            run(caseId, step, erased);
        }
        AuditEvent tombstone = AuditEvent.of(approver, "case.erased", AuditEvent.Outcome.SUCCESS, caseId)
                .with("schedule", review.schedule())
                .with("closedOn", review.closedOn().toString())
                .with("dueOn", review.dueOn().toString())
                .with("proposedBy", String.valueOf(review.proposedBy()))
                .with("approvedBy", String.valueOf(review.approvedBy()))
                .with("dataKey", "destroyed")
                .with("storeFile", scrubs.tombstoneState());
        for (Map.Entry<String, Integer> kind : erased.entrySet()) {
            tombstone = tombstone.with("erased:" + kind.getKey(), kind.getValue().toString());
        }
        audit.append(tombstone);
        reviews.delete(caseId);
        log.info("Case {} erased under schedule {}: {}", caseId, review.schedule(), erased);
        scrubs.after(caseId, "case.erasure.scrubbed");
        return erased;
    }

    /**
     * Erases again a case the ledger says was erased but that is back (a database restored from an
     * older backup): the key is destroyed again and every feature's documents removed.
     */
    Map<String, Integer> replay(String caseId) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.merge(steps.caseStep().recordType(), steps.caseStep().erase().applyAsInt(caseId), Integer::sum);
        keys.destroy(caseId);
        for (ErasureSteps.Step step : steps.afterKey()) {
            erased.merge(step.recordType(), step.erase().applyAsInt(caseId), Integer::sum);
        }
        reviews.delete(caseId);
        AuditEvent event = AuditEvent.of(null, "case.erasure.replayed", AuditEvent.Outcome.SUCCESS, caseId)
                .with("dataKey", "destroyed");
        for (Map.Entry<String, Integer> kind : erased.entrySet()) {
            event = event.with("erased:" + kind.getKey(), kind.getValue().toString());
        }
        audit.append(event);
        log.warn("Case {} was erased before but is back (restored backup?); erased again: {}", caseId, erased);
        scrubs.after(caseId, "case.erasure.scrubbed");
        return erased;
    }

    private void run(String caseId, ErasureSteps.Step step, Map<String, Integer> erased) {
        erased.merge(step.recordType(), step.erase().applyAsInt(caseId), Integer::sum);
        reviews.erased(caseId, erased);
    }
}
