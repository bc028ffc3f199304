package uk.gov.essex.mace.client.intel;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import uk.gov.essex.mace.client.PagedIterable;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;
import uk.gov.essex.mace.client.live.LiveListener;
import uk.gov.essex.mace.client.live.LiveSpec;
import uk.gov.essex.mace.client.live.LiveSubscription;
import uk.gov.essex.mace.client.live.ResumingSubscription;

/**
 * Intelligence on a case ({@code /api/cases/{caseId}/intel}) and the case's live feed. Obtain from
 * {@code HubClient.intel()}. Every item comes back as the caller's own redacted projection.
 */
public final class IntelClient {

    private static final TypeReference<List<IntelItem>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<List<HandlingLabel>> LABELS = new TypeReference<>() {};
    private static final int DEFAULT_PAGE = 50;

    private final HubHttp http;
    private final Function<LiveSpec<CaseFeedEvent>, ResumingSubscription<CaseFeedEvent>> live;

    /** Internal: use {@code HubClient.intel()}. */
    public IntelClient(HubHttp http, Function<LiveSpec<CaseFeedEvent>, ResumingSubscription<CaseFeedEvent>> live) {
        this.http = http;
        this.live = live;
    }

    /**
     * Shares an item. Safe to retry: the call carries one {@code Idempotency-Key} over all its
     * attempts, and the hub stores the item once and answers a retry with the original item.
     */
    public IntelItem share(String caseId, ShareIntelRequest request) {
        return share(caseId, request, RequestOptions.NONE);
    }

    /**
     * {@link #share(String, ShareIntelRequest)} with your own idempotency key, e.g. your record's
     * id, so that re-running a batch after a crash cannot share anything twice.
     */
    public IntelItem share(String caseId, ShareIntelRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post(path(caseId), request, IntelItem.class, Retry.SAFE, options.keyOrRandom()));
    }

    /** One item, as the caller may see it. */
    public IntelItem get(String caseId, String itemId) {
        return http.send(HubRequest.get(path(caseId) + "/" + segment(itemId), IntelItem.class));
    }

    /** Every revision of an item, as the caller may see each. */
    public List<IntelItem> revisions(String caseId, String itemId) {
        return http.send(HubRequest.get(path(caseId) + "/" + segment(itemId) + "/revisions", ITEMS));
    }

    /**
     * Revises an item (its author only). If a retry follows an attempt that did land, the hub
     * answers {@link uk.gov.essex.mace.client.StaleRevisionException}: read the item and compare.
     */
    public IntelItem revise(String caseId, String itemId, ReviseIntelRequest request) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.put(path(caseId) + "/" + segment(itemId), request, IntelItem.class));
    }

    /** Withdraws an item (its author only); the reason is kept and shown under the item's label. */
    public IntelItem withdraw(String caseId, String itemId, String reason) {
        return http.send(HubRequest.post(path(caseId) + "/" + segment(itemId) + "/withdraw", new WithdrawRequest(reason),
                IntelItem.class, Retry.ONLY_IF_NOT_PROCESSED, RequestOptions.NONE.keyOrRandom()));
    }

    /**
     * One page of the timeline, newest first.
     *
     * @param before the previous page's {@link IntelPage#nextBefore()}, or null for the newest page
     * @param limit 1 to 100
     */
    public IntelPage timelinePage(String caseId, String before, int limit) {
        return http.send(HubRequest.get(HubRequest.query(path(caseId), HubRequest.params("before", before, "limit", limit)),
                IntelPage.class));
    }

    /**
     * The items shared after the item {@code afterItemId} (one the caller was shown), oldest first,
     * at most {@code limit}: how a client that was away catches up. Follow
     * {@link IntelPage#nextAfter()} until it is null.
     */
    public IntelPage timelineAfter(String caseId, String afterItemId, int limit) {
        if (afterItemId == null || afterItemId.isBlank()) {
            throw new IllegalArgumentException("afterItemId is required");
        }
        return http.send(HubRequest.get(HubRequest.query(path(caseId), HubRequest.params("after", afterItemId, "limit", limit)),
                IntelPage.class));
    }

    /** The whole timeline the caller may see, newest first, fetched 50 at a time by following {@code nextBefore}. */
    public PagedIterable<IntelItem> timeline(String caseId) {
        return timeline(caseId, DEFAULT_PAGE);
    }

    /** The whole timeline, newest first, fetched {@code pageSize} (1 to 100) at a time. */
    public PagedIterable<IntelItem> timeline(String caseId, int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100");
        }
        return PagedIterable.<IntelItem, String>of(null, before -> {
            IntelPage page = timelinePage(caseId, before, pageSize);
            return new PagedIterable.Page<>(page.items(), page.nextBefore());
        });
    }

    /**
     * Receives the case's feed live, from now on, until the subscription is closed: every item
     * shared, revised or withdrawn on the case, each as the hub projects it for the caller (a
     * placeholder where the caller may not read it; nothing at all for items it may not know exist).
     * Each state of each item (by id, revision and withdrawal) reaches the listener once, in order.
     *
     * <p>After a dropped connection the SDK reconnects and, before going live again, fetches the
     * items shared while it was away, oldest first, in their current state. Revisions and
     * withdrawals, during the outage, of items shared before it are not replayed: read the item
     * ({@link #get}) when you need its latest state.
     *
     * <p>Checks at once, over REST, that the caller may read the case: a refusal is thrown here
     * ({@code NotFoundException}, {@code ForbiddenException}) rather than retried in the background.
     */
    public LiveSubscription subscribeToCase(String caseId, LiveListener<CaseFeedEvent> listener) {
        IntelPage newest = timelinePage(caseId, null, 1);
        return subscribe(caseId, newest.items().isEmpty() ? null : CaseFeedResume.Anchor.of(newest.items().get(0)),
                listener);
    }

    /**
     * {@link #subscribeToCase(String, LiveListener)}, resuming after an item your system has already
     * processed (say, the last one before it restarted): every item shared after it is delivered
     * first, oldest first, then the feed continues live.
     *
     * @param afterItemId the id of an item on the case the caller may see
     */
    public LiveSubscription subscribeToCase(String caseId, String afterItemId, LiveListener<CaseFeedEvent> listener) {
        return subscribe(caseId, CaseFeedResume.Anchor.of(get(caseId, afterItemId)), listener);
    }

    private LiveSubscription subscribe(String caseId, CaseFeedResume.Anchor anchor, LiveListener<CaseFeedEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        CaseFeedResume resume = new CaseFeedResume(this, caseId, anchor);
        return live.apply(new LiveSpec<>("/user/queue/cases/" + segment(caseId), CaseFeedEvent.class,
                CaseFeedEvent::stateKey, resume, resume.tracking(listener)));
    }

    /** The handling labels the hub knows, for a label picker. */
    public List<HandlingLabel> labels() {
        return http.send(HubRequest.get("/api/labels", LABELS));
    }

    private static String path(String caseId) {
        return "/api/cases/" + segment(caseId) + "/intel";
    }

    /** The body of {@link #withdraw}. */
    record WithdrawRequest(String reason) {}
}
