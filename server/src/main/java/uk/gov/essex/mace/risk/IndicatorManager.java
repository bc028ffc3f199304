package uk.gov.essex.mace.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.redaction.LabelRules;
import uk.gov.essex.mace.redaction.SegmentMarkup;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * Records and lists a case's exploitation indicators; any member agency may record one, under a
 * handling label checked as an intelligence item's is. Every read goes through
 * {@link IndicatorProjection}.
 */
@Service
class IndicatorManager {

    private static final String RECORD = "risk.indicator.record";
    private static final String READ = "risk.indicator.read";
    /**
     * What a write of an indicator no other reader may know of is announced as: it cannot change
     * the criteria (it is not in the snapshot), and an alert's trigger must not name it.
     */
    static final String UNCOUNTED_CHANGE = "risk-records";

    private final CaseRiskStore store;
    private final RiskAccess access;
    private final LabelRules labels;
    private final IndicatorContent content;
    private final IndicatorProjection projection;
    private final CountableLabels countable;

    IndicatorManager(CaseRiskStore store, RiskAccess access, LabelRules labels, IndicatorContent content,
            IndicatorProjection projection, CountableLabels countable) {
        this.store = store;
        this.access = access;
        this.labels = labels;
        this.content = content;
        this.projection = projection;
        this.countable = countable;
    }

    IndicatorResponse record(HubPrincipal who, String caseId, RecordIndicatorRequest request) {
        CaseFacts facts = access.authorise(who, caseId, Action.RISK_RECORD, RECORD);
        if (request.observedOn().isAfter(access.today())) {
            throw access.rejected(who, caseId, RECORD, new InvalidRequestProblem("future-observation",
                    "The indicator's date is in the future.", Map.of("observedOn", "in the future")));
        }
        HandlingLabel label;
        List<SegmentMarkup.Piece> pieces;
        try {
            label = labels.labelOrAllMembers(who, facts, request.label(), "label");
            pieces = labels.segments(who, facts, label, request.sourceNote().strip(), "sourceNote");
        } catch (InvalidRequestProblem e) {
            throw access.rejected(who, caseId, RECORD, e);
        }
        String id = UUID.randomUUID().toString();
        StoredIndicator added = new StoredIndicator(id, request.indicator(), request.observedOn(), label.id(),
                content.seal(caseId, id, label.id(), pieces), who.subject(), who.agencyId(), access.now());
        CaseRiskRecord after = store.update(caseId, r -> r.withIndicator(added));
        access.auditOrUndo(AuditEvent.of(who, RECORD, AuditEvent.Outcome.SUCCESS, caseId, added.id())
                        .with("label", label.id())
                        .with("segments", Long.toString(pieces.stream().filter(p -> p.label() != null).count())),
                () -> store.update(caseId, r -> r.withoutIndicator(added.id())));
        access.changed(who, after, countable.test(label.id()) ? "indicator" : UNCOUNTED_CHANGE);
        return projection.project(who, facts, added).orElseThrow();
    }

    /** The indicators the caller may know of, most recently recorded first (an order that reveals nothing withheld). */
    List<IndicatorResponse> list(HubPrincipal who, String caseId) {
        CaseFacts facts = access.authorise(who, caseId, Action.CASE_READ, READ);
        List<IndicatorResponse> visible = store.find(caseId).map(CaseRiskRecord::indicators).orElse(List.of()).stream()
                .sorted(Comparator.comparing(StoredIndicator::recordedAt).thenComparing(StoredIndicator::id).reversed())
                .map(i -> projection.project(who, facts, i))
                .flatMap(Optional::stream)
                .toList();
        access.audited(AuditEvent.of(who, READ, AuditEvent.Outcome.SUCCESS, caseId)
                .with("count", Integer.toString(visible.size()))
                .with("withheld", Long.toString(visible.stream().filter(i -> i.withheld() != null).count())));
        return visible;
    }
}
