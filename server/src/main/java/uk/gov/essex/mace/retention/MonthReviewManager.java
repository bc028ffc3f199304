package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.disruption.DisruptionErasure;
import uk.gov.essex.mace.disruption.DisruptionErasure.Month;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.Decision;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * The review of quadrant-months of disruption updates due for erasure, under the same two-person rule
 * as cases ({@link RetentionManager}): ADMIN or a MACE chair of the quadrant proposes, a MACE chair of
 * the quadrant who is not the proposer approves, and only then is the month erased. Both steps check
 * again that the month is still due and not held (no update in it linked to a case under legal hold).
 * The month's quadrant is in its scope, so the decision comes before anything about the month is told.
 */
@Service
class MonthReviewManager {

    private final MonthReviews reviews;
    private final MonthSchedule schedule;
    private final MonthSweep sweep;
    private final DisruptionErasure disruptions;
    private final MonthEraser eraser;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    MonthReviewManager(MonthReviews reviews, MonthSchedule schedule, MonthSweep sweep, DisruptionErasure disruptions,
            MonthEraser eraser, PolicyDecisionPoint policy, AuditTrail audit, Clock clock) {
        this.reviews = reviews;
        this.schedule = schedule;
        this.sweep = sweep;
        this.disruptions = disruptions;
        this.eraser = eraser;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    List<DueMonthResponse> due(HubPrincipal who) {
        policy.check(who, Action.RETENTION_REVIEW);
        List<DueMonthResponse> visible = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (MonthReview review : reviews.all()) {
            if (policy.decideRetention(who, Action.RETENTION_REVIEW, review.scope().quadrant()).permitted()) {
                visible.add(response(review));
                scopes.add(review.keyScope());
            }
        }
        audit.append(new AuditEvent(who, "disruption.month.due.list", scopes, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(scopes.size()))));
        return visible;
    }

    DueMonthResponse propose(HubPrincipal who, String keyScope) {
        String action = "disruption.month.erasure.propose";
        MonthScope scope = authorised(who, keyScope, Action.RETENTION_REVIEW, action);
        MonthReview review = existing(who, scope, action);
        expectStatus(who, review, ReviewStatus.DUE, action);
        Month month = stillDue(who, review, action);
        if (sweep.held(month)) {
            reviews.transition(scope, EnumSet.of(ReviewStatus.DUE), RetentionReviews.status(ReviewStatus.HELD));
            throw conflict(who, scope, action, "legal-hold", "An update of the month is linked to a case under legal hold.");
        }
        MonthReview proposed = reviews.transition(scope, EnumSet.of(ReviewStatus.DUE), RetentionReviews.status(ReviewStatus.PROPOSED)
                        .set("proposedBy", who.subject()).set("proposedAt", RetentionReviews.date(clock.instant())))
                .orElseThrow(() -> changed(who, scope, action));
        try {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, scope.keyScope())
                    .with("schedule", review.schedule()).with("dueOn", review.dueOn().toString()));
        } catch (AuditUnavailableException e) {
            reviews.transition(scope, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.DUE)
                    .unset("proposedBy").unset("proposedAt"));
            throw e;
        }
        return response(proposed);
    }

    DueMonthResponse withdraw(HubPrincipal who, String keyScope) {
        String action = "disruption.month.erasure.withdraw";
        MonthScope scope = authorised(who, keyScope, Action.RETENTION_REVIEW, action);
        MonthReview review = existing(who, scope, action);
        expectStatus(who, review, ReviewStatus.PROPOSED, action);
        MonthReview after = reviews.transition(scope, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.DUE)
                        .unset("proposedBy").unset("proposedAt"))
                .orElseThrow(() -> changed(who, scope, action));
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, scope.keyScope())
                .with("proposedBy", String.valueOf(review.proposedBy())));
        return response(after);
    }

    MonthErasureResponse approve(HubPrincipal who, String keyScope) {
        String action = "disruption.month.erasure.approve";
        MonthScope scope = authorised(who, keyScope, Action.ERASURE_APPROVE, action);
        MonthReview review = existing(who, scope, action);
        expectStatus(who, review, ReviewStatus.PROPOSED, action);
        if (who.subject().equals(review.proposedBy())) {
            policy.enforce(who, Action.ERASURE_APPROVE, new Decision(false, "proposer-may-not-approve"), scope.keyScope());
        }
        stillDue(who, review, action);
        MonthReview erasing = reviews.transition(scope, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.ERASING)
                        .set("approvedBy", who.subject()).set("approvedAt", RetentionReviews.date(clock.instant())))
                .filter(r -> review.proposedBy().equals(r.proposedBy()))
                .orElseThrow(() -> changed(who, scope, action));
        // Read again after the review is marked: an update linked to a held case since the check above is seen here.
        if (disruptions.month(scope).filter(sweep::held).isPresent()) {
            reviews.transition(scope, EnumSet.of(ReviewStatus.ERASING), RetentionReviews.status(ReviewStatus.HELD)
                    .unset("proposedBy").unset("proposedAt").unset("approvedBy").unset("approvedAt"));
            throw conflict(who, scope, action, "legal-hold", "An update of the month is linked to a case under legal hold.");
        }
        try {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, scope.keyScope())
                    .with("schedule", review.schedule()).with("proposedBy", review.proposedBy()));
        } catch (AuditUnavailableException e) {
            reviews.transition(scope, EnumSet.of(ReviewStatus.ERASING), RetentionReviews.status(ReviewStatus.PROPOSED)
                    .unset("approvedBy").unset("approvedAt"));
            throw e;
        }
        eraser.erase(erasing, who);
        return new MonthErasureResponse(scope.keyScope(), scope.quadrant(), scope.month().toString(), review.schedule(),
                true, clock.instant());
    }

    /** Parses the scope (400 when malformed) and decides on its quadrant (403). */
    private MonthScope authorised(HubPrincipal who, String keyScope, Action policyAction, String action) {
        MonthScope scope = MonthScope.parse(keyScope).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED).with("reason", "invalid-scope"));
            return new InvalidRequestProblem("invalid-scope",
                    "The scope must be a quadrant-month of disruption updates, disruption:QUADRANT:yyyy-MM.",
                    Map.of("scope", "disruption:QUADRANT:yyyy-MM"));
        });
        policy.enforce(who, policyAction, policy.decideRetention(who, policyAction, scope.quadrant()), scope.keyScope());
        return scope;
    }

    /** The review; none: 409 when the month holds updates that are not due yet, 404 when it holds none. */
    private MonthReview existing(HubPrincipal who, MonthScope scope, String action) {
        return reviews.find(scope).orElseThrow(() -> {
            if (disruptions.month(scope).isPresent() && !schedule.due(scope)) {
                return conflict(who, scope, action, "not-due", "The month is not due for erasure until "
                        + schedule.dueOn(scope) + ".");
            }
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, scope.keyScope()).with("reason", "not-due"));
            return new NotFoundProblem("A month of disruption updates due for erasure with that scope");
        });
    }

    /** The month must still hold updates and be due; otherwise the review goes. */
    private Month stillDue(HubPrincipal who, MonthReview review, String action) {
        Optional<Month> month = disruptions.month(review.scope());
        if (month.isEmpty() || !schedule.due(review.scope()) || !review.schedule().equals(schedule.schedule().id())) {
            reviews.deleteUnless(review.scope(), EnumSet.of(ReviewStatus.ERASING));
            throw conflict(who, review.scope(), action, "no-longer-due",
                    "The month holds no updates or is no longer due for erasure.");
        }
        return month.get();
    }

    private void expectStatus(HubPrincipal who, MonthReview review, ReviewStatus expected, String action) {
        if (review.status() == expected) {
            return;
        }
        throw conflict(who, review.scope(), action, review.status().conflictSlug(),
                "The month is " + review.status() + ", not " + expected + ".");
    }

    private ConflictProblem changed(HubPrincipal who, MonthScope scope, String action) {
        return conflict(who, scope, action, "review-changed", "The review changed meanwhile; reload the list.");
    }

    private ConflictProblem conflict(HubPrincipal who, MonthScope scope, String action, String slug, String message) {
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, scope.keyScope()).with("reason", slug));
        return new ConflictProblem(slug, message);
    }

    private DueMonthResponse response(MonthReview r) {
        String name = r.schedule().equals(schedule.schedule().id()) ? schedule.schedule().name() : r.schedule();
        return new DueMonthResponse(r.keyScope(), r.scope().quadrant(), r.scope().month().toString(), r.schedule(), name,
                r.dueOn(), r.status(), r.proposedBy(), r.proposedAt());
    }
}
