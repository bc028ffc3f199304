package uk.gov.essex.mace.client.intel;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import uk.gov.essex.mace.client.PagedIterable;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;

/**
 * Intelligence on a case ({@code /api/cases/{caseId}/intel}). Obtain from {@code HubClient.intel()}.
 * Every item comes back as the caller's own redacted projection.
 */
public final class IntelClient {

    private static final TypeReference<List<IntelItem>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<List<HandlingLabel>> LABELS = new TypeReference<>() {};
    private static final int DEFAULT_PAGE = 50;

    private final HubHttp http;

    /** Internal: use {@code HubClient.intel()}. */
    public IntelClient(HubHttp http) {
        this.http = http;
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
     * One page of the timeline, newest first, older than the item {@code before} (a cursor from
     * {@link IntelPage#nextBefore()}; null: from the newest).
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
