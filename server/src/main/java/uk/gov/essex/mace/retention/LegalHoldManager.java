package uk.gov.essex.mace.retention;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.audit.AuditUnavailableException;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.disruption.DisruptionErasure;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Places and lifts legal holds: a held case is never erased, whatever its schedule, until the hold
 * is lifted. Placing races an approval safely: each side writes its own document first and then
 * looks at the other's (the approval marks its review ERASING, then checks for a hold; a placement
 * stores the hold, then checks for an ERASING review), so at least one of them sees the other and
 * stands down. The same holds for months of disruption updates linked to the case: a placement that
 * finds one of them being erased stands down (it can be placed again once that erasure is done), and
 * a placement makes their reviews HELD at once. Every placement, lift and read is audited; the reasons are sealed with the case key.
 */
@Service
class LegalHoldManager {

    private static final Logger log = LoggerFactory.getLogger(LegalHoldManager.class);

    static final String RECORD_TYPE = "legal-hold";

    private final LegalHolds holds;
    private final RetentionReviews reviews;
    private final MonthReviews monthReviews;
    private final DisruptionErasure disruptions;
    private final CaseLookup cases;
    private final FieldCipher cipher;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    LegalHoldManager(LegalHolds holds, RetentionReviews reviews, MonthReviews monthReviews, DisruptionErasure disruptions,
            CaseLookup cases, FieldCipher cipher, PolicyDecisionPoint policy, AuditTrail audit, Clock clock) {
        this.holds = holds;
        this.reviews = reviews;
        this.monthReviews = monthReviews;
        this.disruptions = disruptions;
        this.cases = cases;
        this.cipher = cipher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    LegalHoldResponse place(HubPrincipal who, String caseId, LegalHoldRequest request) {
        CaseFacts facts = authorise(who, caseId, "case.legal-hold.place");
        Optional<LegalHold> before = holds.find(caseId);
        String holdId = UUID.randomUUID().toString();
        LegalHold hold = new LegalHold(caseId, holdId, true, cipher.sealText(context(caseId, holdId, "reason"), request.reason()),
                who.subject(), who.agencyId(), clock.instant(), null, null, null, null);
        LegalHold placed = holds.place(hold, before).orElseThrow(() -> holds.isActive(caseId)
                ? conflict(who, caseId, "case.legal-hold.place", "already-held", "The case is already under legal hold.")
                : holdChanged(who, caseId, "case.legal-hold.place"));
        if (reviews.find(caseId).filter(r -> r.status() == ReviewStatus.ERASING).isPresent()) {
            undoPlacement(caseId, before, placed);
            throw conflict(who, caseId, "case.legal-hold.place", "erasure-in-progress",
                    "The case's approved erasure is under way; it can no longer be held.");
        }
        Set<MonthScope> months = disruptions.monthsLinkedTo(caseId);
        if (months.stream().anyMatch(m -> monthReviews.find(m).filter(r -> r.status() == ReviewStatus.ERASING).isPresent())) {
            undoPlacement(caseId, before, placed);
            throw conflict(who, caseId, "case.legal-hold.place", "erasure-in-progress",
                    "A month of disruption updates linked to the case is being erased; place the hold again once it is done.");
        }
        try {
            audit.append(AuditEvent.of(who, "case.legal-hold.place", AuditEvent.Outcome.SUCCESS, caseId, holdId));
        } catch (AuditUnavailableException e) {
            undoPlacement(caseId, before, placed);
            throw e;
        }
        // A proposal made before the hold falls: erasure must be proposed afresh once the hold is lifted.
        reviews.transition(caseId, EnumSet.of(ReviewStatus.DUE, ReviewStatus.PROPOSED),
                RetentionReviews.status(ReviewStatus.HELD).unset("proposedBy").unset("proposedAt"));
        for (MonthScope month : months) {
            monthReviews.transition(month, EnumSet.of(ReviewStatus.DUE, ReviewStatus.PROPOSED),
                    RetentionReviews.status(ReviewStatus.HELD).unset("proposedBy").unset("proposedAt"));
        }
        return response(facts, placed);
    }

    LegalHoldResponse lift(HubPrincipal who, String caseId, LegalHoldRequest request) {
        CaseFacts facts = authorise(who, caseId, "case.legal-hold.lift");
        Optional<LegalHold> before = holds.find(caseId);
        String holdId = before.map(LegalHold::holdId).orElse("none");
        if (before.filter(LegalHold::active).isEmpty()) {
            throw notHeld(who, caseId); // known before any entry is written; a race after it is caught below
        }
        byte[] reason = cipher.sealText(context(caseId, holdId, "lift-reason"), request.reason());
        // the entry first: lifting a hold lets erasure go ahead, so a kill between the two must
        // leave at worst an entry for a lift not made, never a lift nobody audited
        Optional<LegalHold> lifted = audit.appendBeforeChange(
                AuditEvent.of(who, "case.legal-hold.lift", AuditEvent.Outcome.SUCCESS, caseId, holdId),
                () -> holds.lift(caseId, holdId, reason, who.subject(), who.agencyId(), clock.instant()), applied -> holds.unlift(caseId, applied));
        if (lifted.isEmpty()) {
            throw holds.isActive(caseId) ? holdChanged(who, caseId, "case.legal-hold.lift") : notHeld(who, caseId);
        }
        reviews.transition(caseId, EnumSet.of(ReviewStatus.HELD), RetentionReviews.status(ReviewStatus.DUE));
        return response(facts, lifted.get());
    }

    private void undoPlacement(String caseId, Optional<LegalHold> before, LegalHold placed) {
        if (!holds.restore(caseId, before, placed)) {
            log.warn("The legal hold on case {} changed again before its placement could be undone; the later change stands", caseId);
        }
    }

    /** The hold read was lifted or replaced by someone else before this change reached the store. */
    private ConflictProblem holdChanged(HubPrincipal who, String caseId, String action) {
        return conflict(who, caseId, action, "hold-changed", "The case's legal hold changed meanwhile; read it again.");
    }

    private ConflictProblem notHeld(HubPrincipal who, String caseId) {
        return conflict(who, caseId, "case.legal-hold.lift", "not-held", "The case is not under legal hold.");
    }

    LegalHoldResponse read(HubPrincipal who, String caseId) {
        CaseFacts facts = authorise(who, caseId, "case.legal-hold.read");
        Optional<LegalHold> hold = holds.find(caseId);
        audit.append(AuditEvent.of(who, "case.legal-hold.read", AuditEvent.Outcome.SUCCESS, caseId)
                .with("held", Boolean.toString(hold.map(LegalHold::active).orElse(false))));
        return hold.map(h -> response(facts, h)).orElseGet(() -> LegalHoldResponse.none(caseId));
    }

    private LegalHoldResponse response(CaseFacts facts, LegalHold h) {
        String caseId = facts.caseId();
        return new LegalHoldResponse(caseId, h.active(), h.placedBy(), h.placedByAgency(), h.placedAt(),
                cipher.openText(context(caseId, h.holdId(), "reason"), h.reasonSealed()),
                h.liftedBy(), h.liftedByAgency(), h.liftedAt(),
                h.liftReasonSealed() == null ? null : cipher.openText(context(caseId, h.holdId(), "lift-reason"), h.liftReasonSealed()));
    }

    private CaseFacts authorise(HubPrincipal who, String caseId, String action) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, Action.LEGAL_HOLD_MANAGE, facts);
        return facts;
    }

    private ConflictProblem conflict(HubPrincipal who, String caseId, String action, String slug, String message) {
        audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", slug));
        return new ConflictProblem(slug, message);
    }

    private static FieldContext context(String caseId, String holdId, String field) {
        return new FieldContext(caseId, RECORD_TYPE, holdId, field, 1);
    }
}
