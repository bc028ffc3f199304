package uk.gov.essex.mace.chat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
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
 * before anything is sent. The event is published once the write is stored and audited; delivery
 * then runs on a feed worker, not in the writer's request, so the writer is answered without waiting
 * for the fan-out (decisions, projections, the delivery's own audit entry, the sends). Each case
 * always goes to the same worker, so a case's changes are delivered in the order they were
 * announced. A failure here is logged and never fails the write (the item stays readable over HTTP).
 *
 * <p>Each delivery that reaches someone is timed, whole and by stage ({@value #DELIVERY} and
 * {@value #STAGE}, at {@code /actuator/prometheus}): an operator can see how late the feed runs and
 * where the time goes (waiting for a worker, reading and deciding, the audit entry, the sends). No
 * case, item, user or agency is in any tag.
 */
@Component
class CaseFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CaseFeed.class);
    /**
     * Feed workers. Many, as the request threads that delivered before were: a delivery spends most
     * of its time waiting for the database (the case's membership, its audit entry), so one item's
     * wait must not hold up the other cases, and concurrent deliveries' audit entries share a
     * commit. With 8, deliveries fell behind shares at 120 items/s on the benchmark.
     */
    static final int WORKERS = 32;
    /**
     * Announcements waiting per worker; beyond that the announcing thread waits for room. Small, so
     * that when deliveries cannot keep up the writers slow down to their pace instead of a backlog
     * (and every delivery's latency) growing without bound: with 10,000 a cold start on the
     * benchmark queued seconds of items.
     */
    static final int BACKLOG = 4;

    /** From the announcement of a change to its last send, for deliveries that reached someone. */
    static final String DELIVERY = "hub.live.feed.delivery";
    /** The same deliveries' stages, tagged {@code stage}: waiting, preparing, auditing, sending. */
    static final String STAGE = "hub.live.feed.stage";

    private final LiveDelivery live;
    private final CaseLookup cases;
    private final ItemViews items;
    private final Redactor redactor;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ExecutorService[] workers = new ExecutorService[WORKERS];
    /**
     * For each item announced in the last {@link #REMEMBERED_NANOS}, the latest state announced
     * for it ({@link #rank}). Two changes to one item committed together are announced by their
     * two requests in either order; a delivery whose item is older than one announced already
     * reads the current item back instead of sending the stale one, so the last message a viewer
     * gets about an item shows where it stands (a withdrawal is never followed by the edit before
     * it). Such announcements are milliseconds apart; a minute is ample, and at 200 items a second
     * keeps some 12,000 entries.
     */
    private final ConcurrentHashMap<String, Announced> latestAnnounced = new ConcurrentHashMap<>();
    private final AtomicLong announcements = new AtomicLong();
    static final long REMEMBERED_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Announced(int rank, long at) {}
    private final Timer delivered;
    private final Timer waiting;
    private final Timer preparing;
    private final Timer auditing;
    private final Timer sending;

    CaseFeed(LiveDelivery live, CaseLookup cases, ItemViews items, Redactor redactor, AuditTrail audit, ObjectMapper json,
            MeterRegistry meters) {
        this.delivered = Timer.builder(DELIVERY)
                .description("Live case-feed deliveries, from the announcement of a share, edit or withdrawal to its last send")
                .publishPercentileHistogram().register(meters);
        this.waiting = stage(meters, "waiting", "queued for the case's feed worker");
        this.preparing = stage(meters, "preparing", "reading the case, deciding each viewer's projection");
        this.auditing = stage(meters, "auditing", "writing the delivery's audit entry, durably");
        this.sending = stage(meters, "sending", "building each distinct projection and sending it to its sessions");
        this.live = live;
        this.cases = cases;
        this.items = items;
        this.redactor = redactor;
        this.audit = audit;
        this.json = json;
        for (int i = 0; i < WORKERS; i++) {
            String name = "case-feed-" + i;
            workers[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(BACKLOG),
                    task -> {
                        Thread thread = new Thread(task, name);
                        thread.setDaemon(true);
                        return thread;
                    },
                    CaseFeed::waitForRoom);
        }
    }

    private static Timer stage(MeterRegistry meters, String stage, String what) {
        return Timer.builder(STAGE).tag("stage", stage).description("Live case-feed deliveries' stages: " + what)
                .publishPercentileHistogram().register(meters);
    }

    @EventListener
    void on(IntelShared event) {
        // the announcing request's id and address, so the delivery's audit entry names the request
        Map<String, String> context = MDC.getCopyOfContextMap();
        long announced = System.nanoTime();
        remember(event, announced);
        workers[Math.floorMod(event.caseId().hashCode(), WORKERS)].execute(() -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            setContext(context);
            try {
                deliver(event, announced);
            } catch (RuntimeException e) {
                log.warn("Live delivery of item {} failed; it stays available over HTTP", event.itemId(), e);
            } finally {
                setContext(own);
            }
        });
    }

    private void remember(IntelShared event, long now) {
        latestAnnounced.merge(event.itemId(), new Announced(rank(event), now),
                (had, got) -> had.rank() > got.rank() ? new Announced(had.rank(), now) : got);
        if (announcements.incrementAndGet() % 1_000 == 0) {
            latestAnnounced.values().removeIf(a -> now - a.at() > REMEMBERED_NANOS);
        }
    }

    /** Orders an item's states: each revision, and its withdrawal after it (a withdrawn item is never edited). */
    static int rank(IntelShared event) {
        return event.revision() * 2 + (event.change() == IntelShared.Change.WITHDRAWN ? 1 : 0);
    }

    /** Blocks the announcing thread until the worker has room (the executor's rejection hook). */
    private static void waitForRoom(Runnable delivery, ThreadPoolExecutor worker) {
        try {
            if (!worker.isShutdown()) {
                worker.getQueue().put(delivery);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Live delivery skipped while the hub stops; the item stays available over HTTP");
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** Delivers what was announced before shutdown, then stops the workers. */
    @Override
    public void destroy() throws InterruptedException {
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
        for (ExecutorService worker : workers) {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        }
    }

    /** Delivers the event's item, announced at {@code announced} (nanoTime); returns how many distinct projections were built. */
    int deliver(IntelShared event, long announced) {
        long started = System.nanoTime();
        String queue = CaseFeedDestinations.queue(event.caseId());
        if (!live.mayHaveSubscribers(queue)) {
            return 0; // nobody watching this case here: nothing to read, decide, audit or send
        }
        // who may see the case is read afresh; the item is the one the change stored (its label and
        // a revision's content never change), read back only when the announcement lacks it or a
        // later state of the item has been announced since
        var facts = cases.facts(event.caseId()).orElse(null);
        Announced latest = latestAnnounced.get(event.itemId());
        var announcedItem = latest != null && latest.rank() > rank(event) ? Optional.<ItemViews.ItemView>empty() : event.item();
        var item = facts == null ? null
                : announcedItem.or(() -> items.current(event.caseId(), event.itemId())).orElse(null);
        if (item == null) {
            return 0;
        }
        ProjectionGroups groups = new ProjectionGroups(item, facts, redactor::visibility,
                view -> json.writeValueAsBytes(new CaseFeedResponse(event.change(), view)));
        LiveDelivery.Recipients recipients = live.recipients(queue, groups::receives);
        if (recipients.subjects().isEmpty()) {
            return 0;
        }
        long prepared = System.nanoTime();
        audit.append(new AuditEvent(null, "chat.feed.delivered", List.of(event.caseId(), event.itemId()),
                AuditEvent.Outcome.SUCCESS, Map.of("change", event.change().name(),
                        "revision", Integer.toString(event.revision()),
                        "recipients", String.join(",", recipients.subjects().stream().distinct().sorted().toList()))));
        long audited = System.nanoTime();
        recipients.sendEach(groups::payloadFor);
        long sent = System.nanoTime();
        waiting.record(started - announced, TimeUnit.NANOSECONDS);
        preparing.record(prepared - started, TimeUnit.NANOSECONDS);
        auditing.record(audited - prepared, TimeUnit.NANOSECONDS);
        sending.record(sent - audited, TimeUnit.NANOSECONDS);
        delivered.record(sent - announced, TimeUnit.NANOSECONDS);
        return groups.projections();
    }
}
