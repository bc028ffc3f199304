package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/** Reads disruption updates: one, a filtered list of a quadrant's, or those linked to a case. Every read is audited. */
@Service
class DisruptionQueries {

    static final int MAX_PAGE = 100;

    private final DisruptionUpdates updates;
    private final DisruptionProjection projection;
    private final DisruptionRules rules;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;

    DisruptionQueries(DisruptionUpdates updates, DisruptionProjection projection, DisruptionRules rules, CaseLookup cases,
            PolicyDecisionPoint policy, AuditTrail audit) {
        this.updates = updates;
        this.projection = projection;
        this.rules = rules;
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
    }

    DisruptionResponse read(HubPrincipal who, String id) {
        Optional<DisruptionResponse> view = updates.find(id).flatMap(d -> projection.project(who, d));
        if (view.isEmpty()) {
            // Missing and "nothing at all" look the same, so the answer reveals nothing.
            audit.append(AuditEvent.of(who, "disruption.read", AuditEvent.Outcome.REJECTED, id).with("reason", "not-found"));
            throw new NotFoundProblem("The disruption update");
        }
        audit.append(AuditEvent.of(who, "disruption.read", AuditEvent.Outcome.SUCCESS, id)
                .with("projection", view.get().withheld() == null ? "full" : "placeholder"));
        return view.get();
    }

    /** List filters as given on the query string; any may be null. */
    record ListRequest(String quadrant, String district, String type, LocalDate from, LocalDate to, String before, int limit) {}

    DisruptionListResponse list(HubPrincipal who, ListRequest request) {
        DisruptionUpdates.Filter filter;
        try {
            filter = filter(who, request);
        } catch (InvalidRequestProblem e) {
            audit.append(AuditEvent.of(who, "disruption.list", AuditEvent.Outcome.REJECTED).with("reason", e.slug()));
            throw e;
        }
        for (Quadrant quadrant : filter.quadrants()) {
            policy.check(who, Action.DISRUPTION_READ, quadrant);
        }
        List<DisruptionResponse> page = new ArrayList<>();
        long cursor = request.before() == null ? Long.MAX_VALUE : cursorSeq(who, request.before());
        int limit = request.limit();
        boolean more = false;
        while (!more) {
            List<StoredDisruption> batch = updates.page(filter, cursor, limit + 1);
            for (StoredDisruption d : batch) {
                cursor = d.seq();
                Optional<DisruptionResponse> view = projection.project(who, d);
                if (view.isEmpty()) {
                    continue;
                }
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(view.get());
            }
            if (batch.size() < limit + 1) {
                break;
            }
        }
        List<String> targets = page.stream().map(DisruptionResponse::id).toList();
        audit.append(new AuditEvent(who, "disruption.list", targets, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(page.size()))));
        return new DisruptionListResponse(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    /**
     * Where a cursor (the id of an update the viewer was shown) sits in the order. An unknown id
     * and the id of an update the viewer may not know exists are refused alike.
     */
    private long cursorSeq(HubPrincipal who, String id) {
        StoredDisruption d = id.length() > 64 ? null : updates.find(id).orElse(null);
        if (d == null || projection.project(who, d).isEmpty()) {
            audit.append(AuditEvent.of(who, "disruption.list", AuditEvent.Outcome.REJECTED).with("reason", "invalid-cursor"));
            throw new InvalidRequestProblem("invalid-cursor", "The cursor is not one this list gave you.");
        }
        return d.seq();
    }

    /** The updates linked to a case, for its timeline: the caller must be able to read the case. */
    List<DisruptionResponse> forCase(HubPrincipal who, String caseId) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, "disruption.case-list", AuditEvent.Outcome.REJECTED, caseId)
                    .with("reason", "case-not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, Action.CASE_READ, facts);
        List<DisruptionResponse> views = updates.linkedTo(caseId).stream()
                .map(d -> projection.project(who, d)).flatMap(Optional::stream).toList();
        List<String> targets = new ArrayList<>(List.of(caseId));
        views.forEach(v -> targets.add(v.id()));
        audit.append(new AuditEvent(who, "disruption.case-list", targets, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(views.size()))));
        return views;
    }

    private DisruptionUpdates.Filter filter(HubPrincipal who, ListRequest request) {
        if (request.limit() < 1 || request.limit() > MAX_PAGE) {
            throw new InvalidRequestProblem("invalid-page", "limit must be 1 to " + MAX_PAGE + ".");
        }
        Quadrant quadrant = request.quadrant() == null ? null : rules.quadrant(request.quadrant());
        District district = request.district() == null ? null : rules.district(request.district(), "district");
        DisruptionType type = request.type() == null ? null : rules.type(request.type(), "type");
        rules.period(request.from(), request.to());
        if (quadrant != null && district != null && district.quadrant() != quadrant) {
            throw DisruptionRules.invalid("district-not-in-quadrant", "The district is not in that quadrant.", "district");
        }
        Set<Quadrant> quadrants = EnumSet.noneOf(Quadrant.class);
        if (quadrant != null) {
            quadrants.add(quadrant);
        } else if (district != null) {
            quadrants.add(district.quadrant());
        } else if (who.quadrants().isEmpty()) {
            // Covering no quadrant, the caller may read none: MID stands in so the decision point refuses and audits it.
            quadrants.add(Quadrant.MID);
        } else {
            quadrants.addAll(who.quadrants());
        }
        return new DisruptionUpdates.Filter(quadrants, district == null ? null : district.name(), type,
                request.from(), request.to());
    }
}
