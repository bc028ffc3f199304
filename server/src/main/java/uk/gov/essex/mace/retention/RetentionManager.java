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
import uk.gov.essex.mace.cases.CaseClosures;
import uk.gov.essex.mace.cases.ClosedCase;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.Decision;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * The review of cases due for erasure, with a two-person rule: one person (ADMIN or a MACE chair of
 * the quadrant) proposes, a MACE chair of the quadrant who is not the proposer approves, and only then
 * is the case erased. Both steps check again that the case is still closed since the same day, still
 * due, and not under legal hold.
 */
@Service
class RetentionManager {

    private final RetentionReviews reviews;
    private final RetentionSchedules schedules;
    private final RetentionProperties properties;
    private final CaseClosures closures;
    private final LegalHolds holds;
    private final CaseEraser eraser;
    private final RetentionSweep sweep;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    RetentionManager(RetentionReviews reviews, RetentionSchedules schedules, RetentionProperties properties,
            CaseClosures closures, LegalHolds holds, CaseEraser eraser, RetentionSweep sweep, PolicyDecisionPoint policy,
            AuditTrail audit, Clock clock) {
        this.reviews = reviews;
        this.schedules = schedules;
        this.properties = properties;
        this.closures = closures;
        this.holds = holds;
        this.eraser = eraser;
        this.sweep = sweep;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    List<DueCaseResponse> due(HubPrincipal who) {
        policy.check(who, Action.RETENTION_REVIEW);
        List<DueCaseResponse> visible = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Review review : reviews.all()) {
            if (policy.decideRetention(who, Action.RETENTION_REVIEW, review.quadrant()).permitted()) {
                visible.add(response(review));
                ids.add(review.caseId());
            }
        }
        audit.append(new AuditEvent(who, "retention.due.list", ids, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(ids.size()))));
        return visible;
    }

    EvaluationResponse evaluate(HubPrincipal who) {
        policy.check(who, Action.RETENTION_REVIEW);
        audit.append(AuditEvent.of(who, "retention.evaluation.requested", AuditEvent.Outcome.SUCCESS));
        return sweep.run();
    }

    DueCaseResponse propose(HubPrincipal who, String caseId) {
        Review review = existing(who, caseId, "case.erasure.propose");
        policy.enforce(who, Action.RETENTION_REVIEW, policy.decideRetention(who, Action.RETENTION_REVIEW, review.quadrant()), caseId);
        expectStatus(who, review, ReviewStatus.DUE, "case.erasure.propose");
        stillDue(who, review, "case.erasure.propose");
        if (holds.isActive(caseId)) {
            reviews.transition(caseId, EnumSet.of(ReviewStatus.DUE), RetentionReviews.status(ReviewStatus.HELD));
            throw conflict(who, caseId, "case.erasure.propose", "legal-hold", "The case is under legal hold.");
        }
        Review proposed = reviews.transition(caseId, EnumSet.of(ReviewStatus.DUE), RetentionReviews.status(ReviewStatus.PROPOSED)
                        .set("proposedBy", who.subject()).set("proposedAt", RetentionReviews.date(clock.instant())))
                .orElseThrow(() -> conflict(who, caseId, "case.erasure.propose", "review-changed",
                        "The review changed meanwhile; reload the list."));
        try {
            audit.append(AuditEvent.of(who, "case.erasure.propose", AuditEvent.Outcome.SUCCESS, caseId)
                    .with("schedule", review.schedule()).with("dueOn", review.dueOn().toString()));
        } catch (AuditUnavailableException e) {
            reviews.transition(caseId, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.DUE)
                    .unset("proposedBy").unset("proposedAt"));
            throw e;
        }
        return response(proposed);
    }

    DueCaseResponse withdraw(HubPrincipal who, String caseId) {
        Review review = existing(who, caseId, "case.erasure.withdraw");
        policy.enforce(who, Action.RETENTION_REVIEW, policy.decideRetention(who, Action.RETENTION_REVIEW, review.quadrant()), caseId);
        expectStatus(who, review, ReviewStatus.PROPOSED, "case.erasure.withdraw");
        Review after = reviews.transition(caseId, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.DUE)
                        .unset("proposedBy").unset("proposedAt"))
                .orElseThrow(() -> conflict(who, caseId, "case.erasure.withdraw", "review-changed",
                        "The review changed meanwhile; reload the list."));
        audit.append(AuditEvent.of(who, "case.erasure.withdraw", AuditEvent.Outcome.SUCCESS, caseId)
                .with("proposedBy", String.valueOf(review.proposedBy())));
        return response(after);
    }

    ErasureResponse approve(HubPrincipal who, String caseId) {
        Review review = existing(who, caseId, "case.erasure.approve");
        policy.enforce(who, Action.ERASURE_APPROVE, policy.decideRetention(who, Action.ERASURE_APPROVE, review.quadrant()), caseId);
        expectStatus(who, review, ReviewStatus.PROPOSED, "case.erasure.approve");
        if (who.subject().equals(review.proposedBy())) {
            policy.enforce(who, Action.ERASURE_APPROVE, new Decision(false, "proposer-may-not-approve"), caseId);
        }
        stillDue(who, review, "case.erasure.approve");
        Review erasing = reviews.transition(caseId, EnumSet.of(ReviewStatus.PROPOSED), RetentionReviews.status(ReviewStatus.ERASING)
                        .set("approvedBy", who.subject()).set("approvedAt", RetentionReviews.date(clock.instant())))
                .filter(r -> review.proposedBy().equals(r.proposedBy()))
                .orElseThrow(() -> conflict(who, caseId, "case.erasure.approve", "review-changed",
                        "The review changed meanwhile; reload the list."));
        // The approval has marked the review; a hold placed before now is seen here (see LegalHoldManager).
        if (holds.isActive(caseId)) {
            reviews.transition(caseId, EnumSet.of(ReviewStatus.ERASING), RetentionReviews.status(ReviewStatus.HELD)
                    .unset("proposedBy").unset("proposedAt").unset("approvedBy").unset("approvedAt"));
            throw conflict(who, caseId, "case.erasure.approve", "legal-hold", "The case is under legal hold.");
        }
        try {
            audit.append(AuditEvent.of(who, "case.erasure.approve", AuditEvent.Outcome.SUCCESS, caseId)
                    .with("schedule", review.schedule()).with("proposedBy", review.proposedBy()));
        } catch (AuditUnavailableException e) {
            reviews.transition(caseId, EnumSet.of(ReviewStatus.ERASING), RetentionReviews.status(ReviewStatus.PROPOSED)
                    .unset("approvedBy").unset("approvedAt"));
            throw e;
        }
        eraser.erase(erasing, who);
        return new ErasureResponse(caseId, review.schedule(), true, clock.instant());
    }

    /** The case must still be closed since the day the review counted from, and due; otherwise the review goes. */
    private void stillDue(HubPrincipal who, Review review, String action) {
        Optional<ClosedCase> closed = closures.closed(review.caseId()).filter(c -> c.closedAt().equals(review.closedAt()));
        if (closed.isEmpty() || !schedules.standing(closed.get()).due()) {
            reviews.deleteUnless(review.caseId(), EnumSet.of(ReviewStatus.ERASING));
            throw conflict(who, review.caseId(), action, "no-longer-due",
                    "The case was reopened or is no longer due for erasure.");
        }
    }

    private void expectStatus(HubPrincipal who, Review review, ReviewStatus expected, String action) {
        if (review.status() == expected) {
            return;
        }
        throw conflict(who, review.caseId(), action, review.status().conflictSlug(),
                "The case is " + review.status() + ", not " + expected + ".");
    }

    private Review existing(HubPrincipal who, String caseId, String action) {
        return reviews.find(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-due"));
            return new NotFoundProblem("A case due for erasure with that id");
        });
    }

    private ConflictProblem conflict(HubPrincipal who, String caseId, String action, String slug, String message) {
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", slug));
        return new ConflictProblem(slug, message);
    }

    private DueCaseResponse response(Review r) {
        String name = properties.caseSchedules().stream().filter(s -> s.id().equals(r.schedule()))
                .map(RetentionProperties.CaseSchedule::name).findFirst().orElse(r.schedule());
        return new DueCaseResponse(r.caseId(), r.quadrant(), r.schedule(), name, r.closedOn(), r.dueOn(), r.status(),
                r.proposedBy(), r.proposedAt());
    }
}
