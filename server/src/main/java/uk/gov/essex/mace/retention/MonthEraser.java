package uk.gov.essex.mace.retention;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.crypto.CaseKeys;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * Erases a quadrant-month of disruption updates whose erasure was approved, as {@link CaseEraser}
 * erases a case: writes the ledger line, removes the month's updates, destroys the month's data key
 * (its key scope), removes any update posted meanwhile, then appends the {@code disruption.month.erased}
 * tombstone (scope, quadrant, month, count, schedule, proposer and approver: no content) and closes the
 * review. The updates go before the key, so an erasure interrupted between the two never leaves an
 * update nobody can open in the quadrant's lists; the next evaluation finishes it with the full count.
 *
 * <p>On the embedded store it then has the store file scrubbed ({@link StoreFileScrub}) and appends
 * {@code disruption.month.erasure.scrubbed} when that is done.
 */
@Component
class MonthEraser {

    private static final Logger log = LoggerFactory.getLogger(MonthEraser.class);

    private final ErasureSteps steps;
    private final CaseKeys keys;
    private final MonthReviews reviews;
    private final ErasureLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final StoreFileScrub scrubs;

    MonthEraser(ErasureSteps steps, CaseKeys keys, MonthReviews reviews, ErasureLedger ledger, AuditTrail audit,
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
     * @return updates removed
     */
    int erase(MonthReview review, HubPrincipal approver) {
        MonthScope scope = review.scope();
        ledger.record(scope.keyScope(), clock.instant(), review.schedule());
        int erased = review.erased() + steps.monthStep().erase().applyAsInt(scope.keyScope());
        reviews.erased(scope, erased);
        keys.destroy(scope.keyScope());
        erased += steps.monthStep().erase().applyAsInt(scope.keyScope());
        reviews.erased(scope, erased);
        audit.append(AuditEvent.of(approver, "disruption.month.erased", AuditEvent.Outcome.SUCCESS, scope.keyScope())
                .with("quadrant", scope.quadrant().name())
                .with("month", scope.month().toString())
                .with("schedule", review.schedule())
                .with("dueOn", review.dueOn().toString())
                .with("proposedBy", String.valueOf(review.proposedBy()))
                .with("approvedBy", String.valueOf(review.approvedBy()))
                .with("erased:" + ErasureSteps.DISRUPTION_UPDATES, Integer.toString(erased))
                .with("dataKey", "destroyed")
                .with("storeFile", scrubs.tombstoneState()));
        reviews.delete(scope);
        log.info("Disruption updates of {} erased under schedule {}: {}", scope, review.schedule(), erased);
        scrubs.after(scope.keyScope(), "disruption.month.erasure.scrubbed");
        return erased;
    }

    /**
     * Erases again a month the ledger says was erased but whose updates are back (a database restored
     * from an older backup).
     */
    int replay(MonthScope scope) {
        int erased = steps.monthStep().erase().applyAsInt(scope.keyScope());
        keys.destroy(scope.keyScope());
        erased += steps.monthStep().erase().applyAsInt(scope.keyScope());
        reviews.delete(scope);
        audit.append(AuditEvent.of(null, "disruption.month.erasure.replayed", AuditEvent.Outcome.SUCCESS, scope.keyScope())
                .with("erased:" + ErasureSteps.DISRUPTION_UPDATES, Integer.toString(erased)).with("dataKey", "destroyed"));
        log.warn("Disruption updates of {} were erased before but are back (restored backup?); erased again: {}", scope, erased);
        scrubs.after(scope.keyScope(), "disruption.month.erasure.scrubbed");
        return erased;
    }
}
