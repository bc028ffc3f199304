package uk.gov.essex.mace.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.partnership.SharingAgreement;
import uk.gov.essex.mace.partnership.SharingAgreements;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.IdempotencyKeys;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Opens and reads cases: validate, ask the policy decision point, seal the child's identity,
 * store, audit. An action whose audit entry cannot be written is undone and reported as 503. Every
 * member agency joins under an information sharing agreement in force, recorded with it.
 */
@Service
class CaseManager implements CaseLookup {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final int MAX_PAGE_SIZE = 100;

    private final Cases cases;
    private final CaseFields fields;
    private final CaseProjection projection;
    private final Partnership partnership;
    private final SharingAgreements agreements;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper json;
    private final Clock clock;

    CaseManager(Cases cases, CaseFields fields, CaseProjection projection, Partnership partnership,
            SharingAgreements agreements, PolicyDecisionPoint policy, AuditTrail audit, IdempotencyKeys idempotency,
            ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.fields = fields;
        this.projection = projection;
        this.partnership = partnership;
        this.agreements = agreements;
        this.policy = policy;
        this.audit = audit;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<CaseFacts> facts(String caseId) {
        return cases.facts(caseId);
    }

    CaseResponse open(HubPrincipal who, OpenCaseRequest request, String idempotencyKey) {
        District district = partnership.district(request.district())
                .orElseThrow(() -> rejected(who, new InvalidRequestProblem("unknown-district",
                        "The district is not an Essex district the hub knows.", Map.of("district", "unknown district"))));
        checkUnder18(who, request.dateOfBirth());
        Set<String> members = new LinkedHashSet<>();
        members.add(who.agencyId());
        for (String agency : request.memberAgencies() == null ? List.<String>of() : request.memberAgencies()) {
            members.add(knownAgency(who, agency));
        }
        policy.enforce(who, Action.CASE_OPEN, policy.decideOpen(who, district.quadrant()));
        Map<String, SharingBasis> bases = new LinkedHashMap<>();
        for (String agency : members) {
            bases.put(agency, sharingBasis(who, agency));
        }
        return idempotency.once(who.subject(), idempotencyKey, json.writeValueAsString(request),
                caseId -> store(who, request, district, members, bases, caseId), caseId -> read(who, caseId),
                caseId -> adopt(who, caseId));
    }

    /**
     * A case stored by a request that died before answering: audited again, marked recovered, and
     * answered as a replay. Its entry was written before it, so this is an extra entry for most;
     * a case stored by a hub from before that order may have none but this one.
     */
    private Optional<CaseResponse> adopt(HubPrincipal who, String caseId) {
        return cases.find(caseId).map(stored -> {
            audit.append(AuditEvent.of(who, "case.open", AuditEvent.Outcome.SUCCESS, caseId)
                    .with("quadrant", stored.quadrant().name()).with("recovered", "true"));
            return read(who, caseId);
        });
    }

    private IdempotencyKeys.Created<CaseResponse> store(HubPrincipal who, OpenCaseRequest request, District district,
            Set<String> members, Map<String, SharingBasis> bases, String id) {
        StoredCase stored = new StoredCase(id,
                fields.seal(id, "childName", request.childName().trim()),
                fields.seal(id, "dateOfBirth", request.dateOfBirth().toString()),
                fields.childIndex(request.childName(), request.dateOfBirth()),
                district.name(), district.quadrant(), request.exploitationType(), CaseStatus.OPEN,
                List.copyOf(members), clock.instant(), who.subject(), who.agencyId(), bases, null, null, null);
        // the entry first: a kill between the two leaves an entry for a case never stored, never a
        // case nobody audited (docs/audit.md)
        audit.appendBeforeCreate(AuditEvent.of(who, "case.open", AuditEvent.Outcome.SUCCESS, id)
                .with("quadrant", district.quadrant().name()), () -> {
                    cases.insert(stored);
                    return stored;
                }, () -> cases.delete(id));
        return new IdempotencyKeys.Created<>(id, response(stored));
    }

    CaseResponse read(HubPrincipal who, String caseId) {
        StoredCase stored = existing(who, caseId, "case.read");
        policy.check(who, Action.CASE_READ, facts(stored));
        audit.append(AuditEvent.of(who, "case.read", AuditEvent.Outcome.SUCCESS, caseId).with("projection", "full"));
        return response(stored);
    }

    CaseListResponse list(HubPrincipal who, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestProblem("invalid-page", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        boolean oversight = who.hasRole(Role.MACE_COORDINATOR) || who.hasRole(Role.MACE_CHAIR);
        List<StoredCase> found = cases.visibleTo(who.agencyId(), oversight ? who.quadrants() : Set.of(), page, size);
        List<StoredCase> visible = found.stream().limit(size)
                .filter(c -> policy.permits(who, Action.CASE_READ, facts(c)))
                .toList();
        List<String> ids = visible.stream().map(StoredCase::id).toList();
        audit.append(new AuditEvent(who, "case.list", ids, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(ids.size()), "projection", "full")));
        return new CaseListResponse(visible.stream().map(this::response).toList(), page, size, found.size() > size);
    }

    FindChildResponse find(HubPrincipal who, FindChildRequest request) {
        List<StoredCase> matches = cases.byChildIndex(fields.childIndex(request.childName(), request.dateOfBirth()));
        List<StoredCase> visible = matches.stream().filter(c -> policy.permits(who, Action.CASE_READ, facts(c))).toList();
        List<uk.gov.essex.mace.partnership.Quadrant> elsewhere = matches.stream()
                .filter(c -> !visible.contains(c)).map(StoredCase::quadrant).distinct().sorted().toList();
        audit.append(new AuditEvent(who, "case.find", visible.stream().map(StoredCase::id).toList(),
                AuditEvent.Outcome.SUCCESS, Map.of("matches", Integer.toString(matches.size()))));
        return new FindChildResponse(visible.stream().map(this::response).toList(), elsewhere);
    }

    List<MemberResponse> addMember(HubPrincipal who, String caseId, AddMemberRequest request) {
        StoredCase before = existing(who, caseId, "case.members.add");
        policy.check(who, Action.CASE_MEMBERS_CHANGE, facts(before));
        String agency = knownAgency(who, request.agencyId());
        SharingBasis basis = Optional.ofNullable(before.sharingBases().get(agency)).orElseGet(() -> sharingBasis(who, agency));
        AtomicBoolean added = new AtomicBoolean();
        StoredCase after = changeMembers(who, "case.members.add", agency, before, () -> {
            Optional<StoredCase> changed = cases.addMember(caseId, agency, basis);
            added.set(changed.isPresent());
            // a member already: nothing added, so nothing to undo (empty only when the case is gone)
            return changed.or(() -> cases.find(caseId).filter(c -> c.memberAgencies().contains(agency)));
        }, applied -> !added.get() || cases.undoAddMember(caseId, agency, applied),
                () -> new Refusal("not-found", new NotFoundProblem("The case")));
        return members(after);
    }

    void removeMember(HubPrincipal who, String caseId, String agency) {
        StoredCase before = existing(who, caseId, "case.members.remove");
        policy.check(who, Action.CASE_MEMBERS_CHANGE, facts(before));
        if (!before.memberAgencies().contains(agency)) {
            throw rejected(who, notAMember());
        }
        if (before.memberAgencies().size() <= 1) {
            throw rejected(who, lastMember()); // known before any entry is written; a race after it is caught below
        }
        changeMembers(who, "case.members.remove", agency, before, () -> cases.removeMember(caseId, agency),
                applied -> cases.undoRemoveMember(caseId, agency, before.sharingBases().get(agency), applied),
                () -> cases.find(caseId).filter(c -> !c.memberAgencies().contains(agency)).isPresent()
                        ? new Refusal("not-a-member", notAMember()) : new Refusal("last-member", lastMember()));
    }

    private static InvalidRequestProblem lastMember() {
        return new InvalidRequestProblem("last-member", "A case must keep at least one member agency.");
    }

    private static InvalidRequestProblem notAMember() {
        return new InvalidRequestProblem("not-a-member", "That agency is not a member of the case.");
    }

    /** Why the store refused a member change after its entry was written: the entry's reason and the problem to throw. */
    private record Refusal(String reason, RuntimeException problem) {}

    List<MemberResponse> members(HubPrincipal who, String caseId) {
        StoredCase stored = existing(who, caseId, "case.members.read");
        policy.check(who, Action.CASE_READ, facts(stored));
        audit.append(AuditEvent.of(who, "case.members.read", AuditEvent.Outcome.SUCCESS, caseId));
        return members(stored);
    }

    /**
     * A change to who may see the case, with its entry written first: a kill between the two
     * leaves at worst an entry for a change not made, never a change nobody audited. When the
     * store refuses the change after the entry (the case changed in between), an entry says so
     * with {@code refusal}'s reason, and its problem is thrown. When the entry and the applied change
     * cannot be made durable, {@code undo} takes back only that agency's change, while the members
     * are still as it left them (false when they were not, and the later change stands).
     */
    private StoredCase changeMembers(HubPrincipal who, String action, String agency, StoredCase before,
            Supplier<Optional<StoredCase>> change, Predicate<StoredCase> undo, Supplier<Refusal> refusal) {
        Optional<StoredCase> after = audit.appendBeforeChange(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, before.id(), agency),
                change, undo);
        if (after.isEmpty()) {
            Refusal refused = refusal.get();
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, before.id(), agency).with("reason", refused.reason()));
            throw refused.problem();
        }
        return after.get();
    }

    private StoredCase existing(HubPrincipal who, String caseId, String action) {
        return cases.find(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", "not-found"));
            return new NotFoundProblem("The case");
        });
    }

    private void checkUnder18(HubPrincipal who, LocalDate dateOfBirth) {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        if (dateOfBirth.isAfter(today)) {
            throw rejected(who, new InvalidRequestProblem("invalid-date-of-birth",
                    "The date of birth is in the future.", Map.of("dateOfBirth", "in the future")));
        }
        if (!dateOfBirth.plusYears(18).isAfter(today)) {
            throw rejected(who, new InvalidRequestProblem("not-a-child",
                    "The hub holds cases for children: the child must be under 18 when the case is opened.",
                    Map.of("dateOfBirth", "18 or over")));
        }
    }

    private String knownAgency(HubPrincipal who, String agency) {
        return partnership.agency(agency).map(a -> a.id()).orElseThrow(() -> rejected(who,
                new InvalidRequestProblem("unknown-agency", "No such agency is configured.", Map.of("agencyId", "unknown"))));
    }

    /** The agency's agreement in force now, as a membership records it; refused (409) when it has none. */
    private SharingBasis sharingBasis(HubPrincipal who, String agency) {
        SharingAgreement agreement = agreements.active(agency).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, "request.rejected", AuditEvent.Outcome.REJECTED, agency)
                    .with("reason", "no-sharing-agreement"));
            return new ConflictProblem("no-sharing-agreement", "The agency has no information sharing agreement in force, "
                    + "so it cannot be made a member of a case or receive anything shared on one.");
        });
        return new SharingBasis(agreement.reference(), agreement.lawfulBasis(), clock.instant());
    }

    private InvalidRequestProblem rejected(HubPrincipal who, InvalidRequestProblem problem) {
        audit.append(AuditEvent.of(who, "request.rejected", AuditEvent.Outcome.REJECTED).with("reason", problem.slug()));
        return problem;
    }

    private CaseResponse response(StoredCase c) {
        return projection.response(c);
    }

    private List<MemberResponse> members(StoredCase c) {
        return projection.members(c);
    }

    private static CaseFacts facts(StoredCase c) {
        return CaseProjection.facts(c);
    }
}
