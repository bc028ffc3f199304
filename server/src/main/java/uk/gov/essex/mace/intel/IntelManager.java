package uk.gov.essex.mace.intel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.redaction.SegmentMarkup;
import uk.gov.essex.mace.storage.Sequences;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.IdempotencyKeys;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Shares, reads, edits and withdraws intelligence: authorise, validate, seal, store, audit, then
 * announce ({@link IntelShared}). Nothing is ever overwritten: edits add revisions, withdrawal
 * keeps the item. A change whose audit entry cannot be written is undone.
 */
@Service
class IntelManager {

    private static final int MAX_PAGE = 100;

    private final IntelItems items;
    private final IntelRules rules;
    private final IntelContent content;
    private final IntelProjection projection;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Sequences sequences;
    private final IdempotencyKeys idempotency;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Timer sequencing;
    private final Timer sealing;
    private final Timer storing;
    private final Timer auditing;

    IntelManager(IntelItems items, IntelRules rules, IntelContent content, IntelProjection projection, CaseLookup cases,
            PolicyDecisionPoint policy, AuditTrail audit, Sequences sequences, IdempotencyKeys idempotency,
            ApplicationEventPublisher events, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.items = items;
        this.rules = rules;
        this.content = content;
        this.projection = projection;
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.sequencing = stage(meters, "sequence", "the case's next sequence number (applied; made durable with the item)");
        this.sealing = stage(meters, "sealing", "encrypting the item's fields");
        this.storing = stage(meters, "storing", "inserting the item (applied; made durable with its audit entry)");
        this.auditing = stage(meters, "auditing", "inserting its audit entry before the item, and the one commit wait for both");
    }

    /**
     * The stages of storing a shared item, for operators at {@code /actuator/prometheus}: how long
     * each took, named by stage only (no case, agency or label).
     */
    private static Timer stage(MeterRegistry meters, String stage, String what) {
        return Timer.builder("hub.intel.share.stage").tag("stage", stage)
                .description("Storing a shared item's stages: " + what)
                .publishPercentileHistogram().register(meters);
    }

    IntelItemResponse share(HubPrincipal who, String caseId, ShareIntelRequest request, String idempotencyKey) {
        CaseFacts facts = facts(who, caseId, "intel.share");
        policy.check(who, Action.INTEL_SHARE, facts);
        HandlingLabel label;
        List<SegmentMarkup.Piece> pieces;
        try {
            label = rules.label(who, facts, request.label());
            pieces = rules.text(who, facts, label, request.text());
            rules.grading(who, request.grading());
            rules.observedAt(request.observedAt());
            rules.place(request.location());
        } catch (InvalidRequestProblem e) {
            audit.append(AuditEvent.of(who, "intel.share", AuditEvent.Outcome.REJECTED, caseId).with("reason", e.slug()));
            throw e;
        }
        String fingerprint = caseId + "\n" + json.writeValueAsString(request);
        return idempotency.once(who.subject(), idempotencyKey, fingerprint,
                itemId -> store(who, facts, request, label, pieces, itemId),
                itemId -> read(who, caseId, itemId), itemId -> adopt(who, caseId, itemId));
    }

    /**
     * An item stored by a request that died before answering: audited again, marked recovered, and
     * answered as a replay. Its entry was written before it, so this is an extra entry for most;
     * an item stored by a hub from before that order may have none but this one. Its live
     * announcement is not repeated; it is in the timeline.
     */
    private Optional<IntelItemResponse> adopt(HubPrincipal who, String caseId, String itemId) {
        return items.find(caseId, itemId).map(stored -> {
            audit.append(AuditEvent.of(who, "intel.share", AuditEvent.Outcome.SUCCESS, caseId, itemId)
                    .with("label", stored.label()).with("recovered", "true"));
            return read(who, caseId, itemId);
        });
    }

    private IdempotencyKeys.Created<IntelItemResponse> store(HubPrincipal who, CaseFacts facts, ShareIntelRequest request,
            HandlingLabel label, List<SegmentMarkup.Piece> pieces, String id) {
        String caseId = facts.caseId();
        // at the millisecond precision the store keeps: the item announced to the live feed and
        // answered here is the one a later read returns
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Grading grading = request.grading();
        long started = System.nanoTime();
        StoredIntel.Revision first = new StoredIntel.Revision(1, now, who.subject(),
                content.sealParts(caseId, id, 1, pieces),
                content.sealPlace(caseId, id, 1, request.location()),
                content.sealPersons(caseId, id, 1, request.persons()));
        byte[] conditions = grading == null ? null : content.sealText(caseId, id, "conditions", 1, blankToNull(grading.conditions()));
        long sealed = System.nanoTime();
        long sequence = sequences.next("intel:" + caseId);
        long sequenced = System.nanoTime();
        StoredIntel item = new StoredIntel(id, caseId, sequence, who.agencyId(), who.subject(),
                label.id(), request.marking(), request.category(), now,
                request.observedAt() == null ? null : request.observedAt().truncatedTo(ChronoUnit.MILLIS),
                grading == null ? null : grading.sourceEvaluation(),
                grading == null ? null : grading.intelligenceAssessment().name(),
                grading == null ? null : grading.handlingCode().name(),
                conditions,
                StoredIntel.Status.ACTIVE, 1, null, List.of(first));
        // the entry first: a kill between the two leaves an entry for an item never stored, never
        // an item nobody audited (docs/audit.md); one commit wait covers both
        long[] stored = new long[2];
        audit.appendBeforeCreate(AuditEvent.of(who, "intel.share", AuditEvent.Outcome.SUCCESS, caseId, id)
                .with("label", label.id()).with("segments", Long.toString(pieces.stream().filter(p -> p.label() != null).count())),
                () -> {
                    stored[0] = System.nanoTime();
                    items.insert(item);
                    stored[1] = System.nanoTime();
                    return item;
                }, () -> items.delete(id));
        long done = System.nanoTime();
        sealing.record(sealed - started, TimeUnit.NANOSECONDS);
        sequencing.record(sequenced - sealed, TimeUnit.NANOSECONDS);
        auditing.record(stored[0] - sequenced + done - stored[1], TimeUnit.NANOSECONDS);
        storing.record(stored[1] - stored[0], TimeUnit.NANOSECONDS);
        events.publishEvent(new IntelShared(caseId, id, 1, IntelShared.Change.SHARED, StoredItemViews.view(item, projection)));
        return new IdempotencyKeys.Created<>(id, projection.project(who, facts, item).orElseThrow());
    }

    IntelItemResponse read(HubPrincipal who, String caseId, String itemId) {
        CaseFacts facts = facts(who, caseId, "intel.read");
        policy.check(who, Action.CASE_READ, facts);
        StoredIntel item = items.find(caseId, itemId).orElse(null);
        IntelItemResponse view = item == null ? null : projection.project(who, facts, item).orElse(null);
        if (view == null) {
            // Missing and "nothing at all" look the same, so the answer reveals nothing.
            audit.append(AuditEvent.of(who, "intel.read", AuditEvent.Outcome.REJECTED, caseId, itemId).with("reason", "not-found"));
            throw new NotFoundProblem("The item");
        }
        audit.append(AuditEvent.of(who, "intel.read", AuditEvent.Outcome.SUCCESS, caseId, itemId)
                .with("projection", projectionName(view)));
        return view;
    }

    /** The timeline newest first, from just before the item {@code before} (null: from the newest). */
    IntelListResponse list(HubPrincipal who, String caseId, String before, int limit) {
        checkLimit(limit);
        CaseFacts facts = facts(who, caseId, "intel.list");
        policy.check(who, Action.CASE_READ, facts);
        long cursor = before == null ? Long.MAX_VALUE : cursorSeq(who, facts, caseId, before);
        List<IntelItemResponse> page = new ArrayList<>();
        boolean more = visible(who, facts, page, limit, cursor, from -> items.page(caseId, from, limit + 1));
        listed(who, caseId, page);
        return IntelListResponse.back(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    /**
     * The items shared after the item {@code after}, oldest first: how a client that was away
     * (a dropped live feed) catches up without a gap or a repeat.
     */
    IntelListResponse listAfter(HubPrincipal who, String caseId, String after, int limit, String before) {
        checkLimit(limit);
        if (before != null) {
            throw new InvalidRequestProblem("invalid-page", "Give before or after, not both.");
        }
        CaseFacts facts = facts(who, caseId, "intel.list");
        policy.check(who, Action.CASE_READ, facts);
        long cursor = cursorSeq(who, facts, caseId, after);
        List<IntelItemResponse> page = new ArrayList<>();
        boolean more = visible(who, facts, page, limit, cursor, from -> items.after(caseId, from, limit + 1));
        listed(who, caseId, page);
        return new IntelListResponse(List.copyOf(page), null, more ? page.get(page.size() - 1).id() : null);
    }

    /**
     * Fills {@code page} with up to {@code limit} items the viewer may know exist, fetching batches
     * from {@code cursor} on (each batch continues from the last item fetched, hidden or not), and
     * says whether more visible items follow.
     */
    private boolean visible(HubPrincipal who, CaseFacts facts, List<IntelItemResponse> page, int limit, long cursor,
            java.util.function.LongFunction<List<StoredIntel>> batchFrom) {
        while (true) {
            List<StoredIntel> batch = batchFrom.apply(cursor);
            for (StoredIntel item : batch) {
                cursor = item.seq();
                var view = projection.project(who, facts, item);
                if (view.isEmpty()) {
                    continue;
                }
                if (page.size() == limit) {
                    return true;
                }
                page.add(view.get());
            }
            if (batch.size() < limit + 1) {
                return false;
            }
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestProblem("invalid-page", "limit must be 1 to " + MAX_PAGE + ".");
        }
    }

    /**
     * Where a cursor (an item id the viewer was shown) sits in the case's order. An unknown id and
     * the id of an item the viewer may not know exists are refused alike, so a cursor is no oracle.
     */
    private long cursorSeq(HubPrincipal who, CaseFacts facts, String caseId, String itemId) {
        StoredIntel item = itemId.length() > 64 ? null : items.find(caseId, itemId).orElse(null);
        if (item == null || !projection.knowsOf(who, facts, item)) {
            audit.append(AuditEvent.of(who, "intel.list", AuditEvent.Outcome.REJECTED, caseId).with("reason", "invalid-cursor"));
            throw new InvalidRequestProblem("invalid-cursor", "The cursor is not one this case's timeline gave you.");
        }
        return item.seq();
    }

    private void listed(HubPrincipal who, String caseId, List<IntelItemResponse> page) {
        List<String> targets = new ArrayList<>(List.of(caseId));
        page.forEach(v -> targets.add(v.id()));
        audit.append(new AuditEvent(who, "intel.list", targets, AuditEvent.Outcome.SUCCESS,
                Map.of("count", Integer.toString(page.size()))));
    }

    List<IntelItemResponse> history(HubPrincipal who, String caseId, String itemId) {
        CaseFacts facts = facts(who, caseId, "intel.history");
        policy.check(who, Action.CASE_READ, facts);
        StoredIntel item = items.find(caseId, itemId).orElse(null);
        List<IntelItemResponse> views = new ArrayList<>();
        if (item != null) {
            for (StoredIntel.Revision revision : item.revisions()) {
                projection.project(who, facts, item, revision).ifPresent(views::add);
            }
        }
        if (views.isEmpty()) {
            audit.append(AuditEvent.of(who, "intel.history", AuditEvent.Outcome.REJECTED, caseId, itemId).with("reason", "not-found"));
            throw new NotFoundProblem("The item");
        }
        audit.append(AuditEvent.of(who, "intel.history", AuditEvent.Outcome.SUCCESS, caseId, itemId)
                .with("revisions", Integer.toString(views.size())).with("projection", projectionName(views.get(0))));
        return views;
    }

    IntelItemResponse edit(HubPrincipal who, String caseId, String itemId, EditIntelRequest request) {
        CaseFacts facts = facts(who, caseId, "intel.edit");
        StoredIntel before = authored(who, facts, itemId, "intel.edit");
        HandlingLabel label = rules.label(who, facts, before.label());
        List<SegmentMarkup.Piece> pieces = rules.text(who, facts, label, request.text());
        rules.place(request.location());
        int next = request.expectedRevision() + 1;
        StoredIntel.Revision revision = new StoredIntel.Revision(next, clock.instant(), who.subject(),
                content.sealParts(caseId, itemId, next, pieces),
                content.sealPlace(caseId, itemId, next, request.location()),
                content.sealPersons(caseId, itemId, next, request.persons()));
        Supplier<ConflictProblem> stale = () -> new ConflictProblem("stale-revision",
                "The item was changed or withdrawn since that revision; reload it and edit again.");
        if (before.currentRevision() != request.expectedRevision() || before.status() != StoredIntel.Status.ACTIVE) {
            throw stale.get(); // known before any entry is written; a race after it is caught below
        }
        StoredIntel after = changed(who, before, "intel.edit", IntelShared.Change.EDITED, next,
                () -> items.addRevision(itemId, request.expectedRevision(), revision), stale);
        return projection.project(who, facts, after).orElseThrow();
    }

    IntelItemResponse withdraw(HubPrincipal who, String caseId, String itemId, WithdrawIntelRequest request) {
        CaseFacts facts = facts(who, caseId, "intel.withdraw");
        StoredIntel before = authored(who, facts, itemId, "intel.withdraw");
        var withdrawal = new StoredIntel.Withdrawal(clock.instant(), who.subject(),
                content.sealText(caseId, itemId, "withdrawal-reason", 1, request.reason()));
        Supplier<ConflictProblem> withdrawn = () -> new ConflictProblem("already-withdrawn", "The item was already withdrawn.");
        if (before.status() != StoredIntel.Status.ACTIVE) {
            throw withdrawn.get();
        }
        StoredIntel after = changed(who, before, "intel.withdraw", IntelShared.Change.WITHDRAWN, before.currentRevision(),
                () -> items.withdraw(itemId, withdrawal), withdrawn);
        return projection.project(who, facts, after).orElseThrow();
    }

    /**
     * Makes a conditional change to an item with its entry written first (a kill between them
     * leaves at worst an entry for a change not made), then announces it. When the condition no
     * longer holds (someone changed the item in between), the entry is followed by one saying the
     * change was refused, and {@code refused}'s conflict is thrown.
     */
    private StoredIntel changed(HubPrincipal who, StoredIntel before, String action, IntelShared.Change change, int revision,
            Supplier<Optional<StoredIntel>> write, Supplier<ConflictProblem> refused) {
        AuditEvent entry = AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, before.caseId(), before.id())
                .with("revision", Integer.toString(revision));
        Optional<StoredIntel> after = audit.appendBeforeChange(entry, write, items::undo);
        if (after.isEmpty()) {
            ConflictProblem conflict = refused.get();
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, before.caseId(), before.id())
                    .with("reason", conflict.slug()));
            throw conflict;
        }
        events.publishEvent(new IntelShared(before.caseId(), before.id(), after.get().currentRevision(), change,
                StoredItemViews.view(after.get(), projection)));
        return after.get();
    }

    private StoredIntel authored(HubPrincipal who, CaseFacts facts, String itemId, String action) {
        StoredIntel item = items.find(facts.caseId(), itemId)
                .filter(i -> projection.project(who, facts, i).isPresent())
                .orElseThrow(() -> {
                    audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, facts.caseId(), itemId).with("reason", "not-found"));
                    return new NotFoundProblem("The item");
                });
        String author = who.agencyId().equals(item.owningAgency()) ? item.author() : null;
        policy.enforce(who, Action.CASE_READ, policy.decideAuthorChange(who, facts, author), facts.caseId(), itemId);
        return item;
    }

    private CaseFacts facts(HubPrincipal who, String caseId, String action) {
        return cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId).with("reason", "case-not-found"));
            return new NotFoundProblem("The case");
        });
    }

    private static String projectionName(IntelItemResponse view) {
        if (view.withheld() != null) {
            return "placeholder";
        }
        boolean segmentWithheld = view.parts() != null && view.parts().stream().anyMatch(p -> p.withheld() != null);
        return segmentWithheld ? "partial" : "full";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
