package uk.gov.essex.mace.client.disruption;

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
 * Disruption updates ({@code /api/disruptions} and {@code /api/cases/{caseId}/disruptions}).
 * Obtain from {@code HubClient.disruptions()}. Police, and the disruption officers and systems of
 * district councils and Community Safety Partnerships, post; case workers and MACE coordinators and
 * chairs of the place's quadrant read. Every update comes back as the caller's own projection.
 */
public final class DisruptionsClient {

    private static final TypeReference<List<DisruptionUpdate>> UPDATES = new TypeReference<>() {};
    private static final int DEFAULT_PAGE = 50;

    private final HubHttp http;

    /** Internal: use {@code HubClient.disruptions()}. */
    public DisruptionsClient(HubHttp http) {
        this.http = http;
    }

    /**
     * Posts an update. Safe to retry: the call carries one {@code Idempotency-Key} over all its
     * attempts, and the hub stores the update once and answers a retry with the original.
     */
    public DisruptionUpdate post(PostDisruptionRequest request) {
        return post(request, RequestOptions.NONE);
    }

    /**
     * {@link #post(PostDisruptionRequest)} with your own idempotency key, e.g. your system's record
     * id, so that re-running a batch cannot post anything twice.
     */
    public DisruptionUpdate post(PostDisruptionRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post("/api/disruptions", request, DisruptionUpdate.class, Retry.SAFE,
                options.keyOrRandom()));
    }

    /** One update, as the caller may see it; {@code NotFoundException} also when the caller may not know it exists. */
    public DisruptionUpdate get(String id) {
        return http.send(HubRequest.get("/api/disruptions/" + segment(id), DisruptionUpdate.class));
    }

    /**
     * One page of updates matching {@code filter}, newest first.
     *
     * @param before the previous page's {@link DisruptionPage#nextBefore()}, or null for the newest page
     * @param limit 1 to 100
     */
    public DisruptionPage listPage(DisruptionFilter filter, String before, int limit) {
        DisruptionFilter f = filter == null ? DisruptionFilter.ALL : filter;
        return http.send(HubRequest.get(HubRequest.query("/api/disruptions", HubRequest.params(
                "quadrant", f.quadrant(), "district", f.district(), "type", f.type(), "from", f.from(), "to", f.to(),
                "before", before, "limit", limit)), DisruptionPage.class));
    }

    /** Every update in the quadrants the caller covers, newest first, fetched 50 at a time. */
    public PagedIterable<DisruptionUpdate> list() {
        return list(DisruptionFilter.ALL, DEFAULT_PAGE);
    }

    /** Every update matching {@code filter}, newest first, fetched 50 at a time. */
    public PagedIterable<DisruptionUpdate> list(DisruptionFilter filter) {
        return list(filter, DEFAULT_PAGE);
    }

    /** Every update matching {@code filter}, newest first, fetched {@code pageSize} (1 to 100) at a time. */
    public PagedIterable<DisruptionUpdate> list(DisruptionFilter filter, int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100");
        }
        return PagedIterable.<DisruptionUpdate, String>of(null, before -> {
            DisruptionPage page = listPage(filter, before, pageSize);
            return new PagedIterable.Page<>(page.items(), page.nextBefore());
        });
    }

    /** The updates linked to a case (the caller must be able to read the case), each as the caller may see it. */
    public List<DisruptionUpdate> forCase(String caseId) {
        return http.send(HubRequest.get("/api/cases/" + segment(caseId) + "/disruptions", UPDATES));
    }
}
