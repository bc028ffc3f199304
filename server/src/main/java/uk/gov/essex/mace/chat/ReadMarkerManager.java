package uk.gov.essex.mace.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.intel.ItemViews;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.redaction.Redactor;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Read markers and unread counts. A count is of items whose label lets the caller know they
 * exist (a source-protected item never shows as "1 unread" to someone who may not see it), and
 * needs no decryption.
 */
@Service
class ReadMarkerManager {

    /** Counting stops here: the page shows "99+". */
    static final int MAX_COUNTED = 99;
    static final int MAX_CASES = 100;
    /** Items looked at per case when counting (hidden ones included). */
    private static final int SCAN = 500;

    private final ReadMarkers markers;
    private final ItemViews items;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final Redactor redactor;
    private final AuditTrail audit;
    private final Clock clock;

    ReadMarkerManager(ReadMarkers markers, ItemViews items, CaseLookup cases, PolicyDecisionPoint policy,
            Redactor redactor, AuditTrail audit, Clock clock) {
        this.markers = markers;
        this.items = items;
        this.cases = cases;
        this.policy = policy;
        this.redactor = redactor;
        this.audit = audit;
        this.clock = clock;
    }

    void markRead(HubPrincipal who, String caseId, String itemId) {
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, "chat.read", AuditEvent.Outcome.REJECTED, caseId).with("reason", "case-not-found"));
            return new NotFoundProblem("The case");
        });
        policy.check(who, Action.CASE_READ, facts);
        // An unknown item and one the reader may not know exists are refused alike.
        ItemViews.ItemView item = items.current(caseId, itemId)
                .filter(found -> redactor.visibility(who, facts, found.label()) != Visibility.NOTHING)
                .orElseThrow(() -> {
                    audit.append(AuditEvent.of(who, "chat.read", AuditEvent.Outcome.REJECTED, caseId)
                            .with("reason", "item-not-found"));
                    return new NotFoundProblem("The item");
                });
        markers.raise(who.subject(), caseId, item.seq(), clock.instant());
        audit.append(AuditEvent.of(who, "chat.read", AuditEvent.Outcome.SUCCESS, caseId, item.id()));
    }

    UnreadResponse unread(HubPrincipal who, List<String> caseIds) {
        List<String> distinct = caseIds.stream().distinct().toList();
        if (distinct.isEmpty() || distinct.size() > MAX_CASES) {
            throw new InvalidRequestProblem("invalid-cases", "Ask about 1 to " + MAX_CASES + " cases.");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (String caseId : distinct) {
            CaseFacts facts = cases.facts(caseId).orElse(null);
            if (facts == null || !policy.permits(who, Action.CASE_READ, facts)) {
                refused.add(caseId);
                continue;
            }
            long after = markers.read(who.subject(), caseId);
            int count = (int) items.after(caseId, after, SCAN).stream()
                    .filter(item -> redactor.visibility(who, facts, item.label()) != Visibility.NOTHING)
                    .limit(MAX_COUNTED)
                    .count();
            counts.put(caseId, count);
        }
        audit.append(new AuditEvent(who, "chat.unread", List.copyOf(counts.keySet()), AuditEvent.Outcome.SUCCESS,
                Map.of("cases", Integer.toString(counts.size()), "refused", Integer.toString(refused.size()))));
        return new UnreadResponse(counts);
    }
}
