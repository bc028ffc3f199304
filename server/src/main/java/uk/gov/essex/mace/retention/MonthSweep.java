package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.disruption.DisruptionErasure;
import uk.gov.essex.mace.disruption.DisruptionErasure.Month;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;

/**
 * The disruption half of the retention evaluation: every quadrant-month of updates whose schedule
 * has run out becomes a review ({@code DUE}, or {@code HELD} while any of its updates is linked to a
 * case under legal hold); reviews of months no longer due go; interrupted erasures are finished and
 * months the erasure ledger lists that a restore brought back are erased again. It never erases a
 * month that was not proposed and approved.
 */
@Component
class MonthSweep {

    private static final Logger log = LoggerFactory.getLogger(MonthSweep.class);
    private static final Set<ReviewStatus> BUSY = EnumSet.of(ReviewStatus.ERASING);

    /** What one run found: counts only. */
    record Result(int due, int held, int newlyDue, int resumed, int replayed) {}

    private final DisruptionErasure disruptions;
    private final MonthSchedule schedule;
    private final MonthReviews reviews;
    private final LegalHolds holds;
    private final MonthEraser eraser;
    private final ErasureLedger ledger;
    private final Clock clock;

    MonthSweep(DisruptionErasure disruptions, MonthSchedule schedule, MonthReviews reviews, LegalHolds holds,
            MonthEraser eraser, ErasureLedger ledger, Clock clock) {
        this.disruptions = disruptions;
        this.schedule = schedule;
        this.reviews = reviews;
        this.holds = holds;
        this.eraser = eraser;
        this.ledger = ledger;
        this.clock = clock;
    }

    Result run() {
        int replayed = replay();
        int resumed = 0;
        for (MonthReview erasing : reviews.inStatus(ReviewStatus.ERASING)) {
            try {
                eraser.erase(erasing, null);
                resumed++;
            } catch (RuntimeException e) {
                log.error("Erasure of {} could not be finished; the next evaluation retries it", erasing.scope(), e);
            }
        }
        String scheduleId = schedule.schedule().id();
        Set<MonthScope> dueNow = new HashSet<>();
        int due = 0;
        int held = 0;
        int newlyDue = 0;
        for (Month month : disruptions.monthsBefore(schedule.candidatesBefore())) {
            MonthScope scope = month.scope();
            if (!schedule.due(scope)) {
                continue;
            }
            dueNow.add(scope);
            Optional<MonthReview> existing = reviews.find(scope);
            if (existing.filter(r -> r.status() == ReviewStatus.ERASING).isPresent()) {
                continue;
            }
            if (existing.filter(r -> !r.schedule().equals(scheduleId)).isPresent()) {
                // the schedule changed: the review starts again
                reviews.deleteUnless(scope, BUSY);
                existing = Optional.empty();
            }
            boolean onHold = held(month);
            if (existing.isEmpty()) {
                newlyDue += reviews.insert(new MonthReview(scope, scheduleId, schedule.dueOn(scope), month.updates(),
                        onHold ? ReviewStatus.HELD : ReviewStatus.DUE, clock.instant(), null, null, null, null, 0)) ? 1 : 0;
            } else if (onHold) {
                reviews.transition(scope, EnumSet.of(ReviewStatus.DUE, ReviewStatus.PROPOSED),
                        RetentionReviews.status(ReviewStatus.HELD).unset("proposedBy").unset("proposedAt"));
            } else {
                reviews.transition(scope, EnumSet.of(ReviewStatus.HELD), RetentionReviews.status(ReviewStatus.DUE));
            }
            reviews.counted(scope, month.updates());
            if (onHold) {
                held++;
            } else {
                due++;
            }
        }
        for (MonthReview review : reviews.all()) {
            if (!dueNow.contains(review.scope())) {
                reviews.deleteUnless(review.scope(), BUSY);
            }
        }
        return new Result(due, held, newlyDue, resumed, replayed);
    }

    /** A month is held while any of its updates is linked to a case under legal hold. */
    boolean held(Month month) {
        return month.linkedCaseIds().stream().anyMatch(holds::isActive);
    }

    /** Erases again every ledger month whose updates are back; returns how many. */
    int replay() {
        int replayed = 0;
        for (MonthScope scope : ledger.monthScopes()) {
            if (disruptions.month(scope).isPresent()) {
                eraser.replay(scope);
                replayed++;
            }
        }
        return replayed;
    }
}
