package uk.gov.essex.mace.disruption;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.storage.Sequences;
import uk.gov.essex.mace.system.IdempotencyKeys;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * Posts disruption updates: validate, authorise, seal, store, audit, then announce
 * ({@link DisruptionPosted}). Bad input is refused (and audited) before anything is stored; an
 * update whose audit entry cannot be written is removed again.
 */
@Service
class DisruptionManager {

    private final DisruptionUpdates updates;
    private final DisruptionRules rules;
    private final DisruptionContent content;
    private final DisruptionProjection projection;
    private final DisruptionQueries queries;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Sequences sequences;
    private final IdempotencyKeys idempotency;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    DisruptionManager(DisruptionUpdates updates, DisruptionRules rules, DisruptionContent content,
            DisruptionProjection projection, DisruptionQueries queries, PolicyDecisionPoint policy, AuditTrail audit,
            Sequences sequences, IdempotencyKeys idempotency, ApplicationEventPublisher events, ObjectMapper json,
            Clock clock) {
        this.updates = updates;
        this.rules = rules;
        this.content = content;
        this.projection = projection;
        this.queries = queries;
        this.policy = policy;
        this.audit = audit;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    DisruptionResponse post(HubPrincipal who, PostDisruptionRequest request, String idempotencyKey) {
        Accepted accepted;
        try {
            DisruptionType type = rules.type(request.type(), "type");
            District district = rules.district(request.place().district(), "place.district");
            policy.check(who, Action.DISRUPTION_POST, district.quadrant());
            rules.date(request.date());
            String postcode = rules.postcode(request.place().postcode());
            HandlingLabel label = rules.label(who, district.quadrant(), request.label());
            List<String> linked = rules.linkedCases(who, request.linkedCaseIds());
            rules.text(request.text());
            DisruptionPlace place = new DisruptionPlace(request.place().premisesName().trim(),
                    blankToNull(request.place().address()), postcode, district.name());
            accepted = new Accepted(type, district, place, label, linked);
        } catch (InvalidRequestProblem e) {
            audit.append(AuditEvent.of(who, "disruption.post", AuditEvent.Outcome.REJECTED).with("reason", e.slug()));
            throw e;
        }
        String fingerprint = json.writeValueAsString(request);
        return idempotency.once(who.subject(), idempotencyKey, fingerprint,
                id -> store(who, request, accepted, id), id -> queries.read(who, id), id -> adopt(who, id));
    }

    /**
     * An update stored by a request that died before answering: audited again, marked recovered,
     * and answered as a replay. Its entry was written before it, so this is an extra entry for
     * most; an update stored by a hub from before that order may have none but this one. Its
     * announcement is not repeated (nothing in the hub acts on it yet; it is in the quadrant's list).
     */
    private Optional<DisruptionResponse> adopt(HubPrincipal who, String id) {
        return updates.find(id).map(stored -> {
            List<String> targets = new ArrayList<>(List.of(id));
            targets.addAll(stored.linkedCaseIds());
            audit.append(new AuditEvent(who, "disruption.post", targets, AuditEvent.Outcome.SUCCESS, Map.of(
                    "label", stored.label(), "quadrant", stored.quadrant().name(),
                    "linkedCases", Integer.toString(stored.linkedCaseIds().size()), "recovered", "true")));
            return queries.read(who, id);
        });
    }

    private record Accepted(DisruptionType type, District district, DisruptionPlace place, HandlingLabel label,
            List<String> linkedCaseIds) {}

    private IdempotencyKeys.Created<DisruptionResponse> store(HubPrincipal who, PostDisruptionRequest request,
            Accepted accepted, String id) {
        String scope = StoredDisruption.keyScope(accepted.district().quadrant(), request.date());
        StoredDisruption stored = new StoredDisruption(id, sequences.next("disruptions"), accepted.type(),
                accepted.district().name(), accepted.district().quadrant(), request.date(), scope, who.agencyId(),
                who.subject(), accepted.label().id(), request.marking(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                accepted.linkedCaseIds(), content.sealPlace(scope, id, accepted.place()),
                content.sealText(scope, id, "outcome", request.outcome()),
                content.sealText(scope, id, "text", blankToNull(request.text())));
        List<String> targets = new ArrayList<>(List.of(id));
        targets.addAll(accepted.linkedCaseIds());
        // the entry first: a kill between the two leaves an entry for an update never stored, never
        // an update nobody audited (docs/audit.md)
        audit.appendBeforeCreate(new AuditEvent(who, "disruption.post", targets, AuditEvent.Outcome.SUCCESS, Map.of(
                "label", accepted.label().id(), "quadrant", accepted.district().quadrant().name(),
                "linkedCases", Integer.toString(accepted.linkedCaseIds().size()))), () -> {
                    updates.insert(stored);
                    return stored;
                }, () -> updates.delete(id));
        events.publishEvent(new DisruptionPosted(id, stored.quadrant(), stored.linkedCaseIds()));
        return new IdempotencyKeys.Created<>(id, projection.project(who, stored).orElseThrow());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
