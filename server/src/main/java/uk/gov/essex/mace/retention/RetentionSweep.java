package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseClosures;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.cases.ClosedCase;

/**
 * The retention evaluation: every closed case against its schedule on today's date (the injected
 * clock), recording those that are due as reviews ({@code DUE}, or {@code HELD} under legal hold),
 * dropping reviews of cases reopened since; finishing interrupted erasures; and erasing again any
 * case the erasure ledger lists that a database restore brought back. Then the same for
 * quadrant-months of disruption updates ({@link MonthSweep}). It never erases a case or month that
 * was not proposed and approved. Safe to run on several instances: every change is conditional.
 */
@Component
class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final Set<ReviewStatus> BUSY = EnumSet.of(ReviewStatus.ERASING);

    private final CaseClosures closures;
    private final CaseLookup cases;
    private final RetentionSchedules schedules;
    private final RetentionReviews reviews;
    private final LegalHolds holds;
    private final CaseEraser eraser;
    private final MonthSweep months;
    private final ErasureLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionSweep(CaseClosures closures, CaseLookup cases, RetentionSchedules schedules, RetentionReviews reviews,
            LegalHolds holds, CaseEraser eraser, MonthSweep months, ErasureLedger ledger, AuditTrail audit, Clock clock) {
        this.closures = closures;
        this.cases = cases;
        this.schedules = schedules;
        this.reviews = reviews;
        this.holds = holds;
        this.eraser = eraser;
        this.months = months;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    EvaluationResponse run() {
        int replayed = replay();
        int resumed = 0;
        for (Review erasing : reviews.inStatus(ReviewStatus.ERASING)) {
            try {
                eraser.erase(erasing, null);
                resumed++;
            } catch (RuntimeException e) {
                log.error("Erasure of case {} could not be finished; the next evaluation retries it", erasing.caseId(), e);
            }
        }
        Set<String> closed = new HashSet<>();
        int due = 0;
        int held = 0;
        int newlyDue = 0;
        for (ClosedCase c : closures.closed()) {
            closed.add(c.caseId());
            RetentionSchedules.Standing standing = schedules.standing(c);
            Optional<Review> existing = reviews.find(c.caseId());
            if (existing.filter(r -> r.status() == ReviewStatus.ERASING).isPresent()) {
                continue;
            }
            boolean stale = existing.filter(r -> !r.closedAt().equals(c.closedAt()) || !r.schedule().equals(standing.schedule().id()))
                    .isPresent();
            if (!standing.due() || stale) {
                // reopened and closed again, or a schedule that changed: the review starts again
                existing.ifPresent(r -> reviews.deleteUnless(r.caseId(), BUSY));
                existing = Optional.empty();
                if (!standing.due()) {
                    continue;
                }
            }
            boolean onHold = holds.isActive(c.caseId());
            if (existing.isEmpty()) {
                newlyDue += reviews.insert(new Review(c.caseId(), c.quadrant(), standing.schedule().id(), c.closedAt(),
                        standing.closedOn(), standing.dueOn(), onHold ? ReviewStatus.HELD : ReviewStatus.DUE,
                        clock.instant(), null, null, null, null, null)) ? 1 : 0;
            } else if (onHold) {
                reviews.transition(c.caseId(), EnumSet.of(ReviewStatus.DUE, ReviewStatus.PROPOSED),
                        RetentionReviews.status(ReviewStatus.HELD).unset("proposedBy").unset("proposedAt"));
            } else {
                reviews.transition(c.caseId(), EnumSet.of(ReviewStatus.HELD), RetentionReviews.status(ReviewStatus.DUE));
            }
            if (onHold) {
                held++;
            } else {
                due++;
            }
        }
        for (Review review : reviews.all()) {
            if (!closed.contains(review.caseId())) {
                reviews.deleteUnless(review.caseId(), BUSY);
            }
        }
        MonthSweep.Result monthly = months.run();
        EvaluationResponse result = new EvaluationResponse(closed.size(), due, held, newlyDue, resumed, replayed,
                monthly.due(), monthly.held());
        audit.append(AuditEvent.of(null, "retention.evaluation", AuditEvent.Outcome.SUCCESS)
                .with("closedCases", Integer.toString(result.closedCases())).with("due", Integer.toString(due))
                .with("held", Integer.toString(held)).with("newlyDue", Integer.toString(newlyDue))
                .with("resumed", Integer.toString(resumed)).with("replayed", Integer.toString(replayed))
                .with("monthsDue", Integer.toString(monthly.due())).with("monthsHeld", Integer.toString(monthly.held()))
                .with("monthsNewlyDue", Integer.toString(monthly.newlyDue()))
                .with("monthsResumed", Integer.toString(monthly.resumed()))
                .with("monthsReplayed", Integer.toString(monthly.replayed())));
        return result;
    }

    /** Erases again every ledger case whose case document is back, and every month whose updates are; returns how many. */
    int replay() {
        int replayed = months.replay();
        for (String caseId : ledger.caseIds()) {
            if (cases.facts(caseId).isPresent()) {
                eraser.replay(caseId);
                replayed++;
            }
        }
        return replayed;
    }
}
