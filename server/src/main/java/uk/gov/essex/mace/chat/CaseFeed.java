package uk.gov.essex.mace.chat;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.intel.IntelShared;
import uk.gov.essex.mace.intel.ItemViews;
import uk.gov.essex.mace.live.LiveDelivery;
import uk.gov.essex.mace.redaction.Redactor;

/**
 * Fans an item out, after every share, edit or withdrawal, to the sessions subscribed to its case's
 * feed: each viewer receives their own projection (grouped so each distinct one is built once), a
 * viewer who may not know the item exists receives nothing, and the policy is asked again at the
 * moment of delivery (a member removed since subscribing gets nothing). The recipients are audited
 * before anything is sent. Runs in the writer's thread, after the write was stored and audited; a
 * failure here is logged and never fails the write (the item stays readable over HTTP).
 */
@Component
class CaseFeed {

    private static final Logger log = LoggerFactory.getLogger(CaseFeed.class);

    private final LiveDelivery live;
    private final CaseLookup cases;
    private final ItemViews items;
    private final Redactor redactor;
    private final AuditTrail audit;
    private final ObjectMapper json;

    CaseFeed(LiveDelivery live, CaseLookup cases, ItemViews items, Redactor redactor, AuditTrail audit, ObjectMapper json) {
        this.live = live;
        this.cases = cases;
        this.items = items;
        this.redactor = redactor;
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(IntelShared event) {
        try {
            deliver(event);
        } catch (RuntimeException e) {
            log.warn("Live delivery of item {} failed; it stays available over HTTP", event.itemId(), e);
        }
    }

    /** Delivers the event's item; returns how many distinct projections were built. */
    int deliver(IntelShared event) {
        var facts = cases.facts(event.caseId()).orElse(null);
        var item = facts == null ? null : items.current(event.caseId(), event.itemId()).orElse(null);
        if (item == null) {
            return 0;
        }
        ProjectionGroups groups = new ProjectionGroups(item, facts, redactor::visibility,
                view -> json.writeValueAsBytes(new CaseFeedResponse(event.change(), view)));
        LiveDelivery.Recipients recipients = live.recipients(CaseFeedDestinations.queue(event.caseId()), groups::receives);
        if (recipients.subjects().isEmpty()) {
            return 0;
        }
        audit.append(new AuditEvent(null, "chat.feed.delivered", List.of(event.caseId(), event.itemId()),
                AuditEvent.Outcome.SUCCESS, Map.of("change", event.change().name(),
                        "revision", Integer.toString(event.revision()),
                        "recipients", String.join(",", recipients.subjects().stream().distinct().sorted().toList()))));
        recipients.sendEach(groups::payloadFor);
        return groups.projections();
    }
}
