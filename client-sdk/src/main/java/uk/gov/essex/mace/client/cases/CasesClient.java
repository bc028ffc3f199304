package uk.gov.essex.mace.client.cases;

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
 * Cases: {@code /api/cases}. Obtain from {@code HubClient.cases()}; thread-safe and stateless.
 * Every call throws a {@link uk.gov.essex.mace.client.HubException} subclass on failure.
 */
public final class CasesClient {

    private static final TypeReference<List<MemberResponse>> MEMBERS = new TypeReference<>() {};
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final HubHttp http;

    /** Internal: use {@code HubClient.cases()}. */
    public CasesClient(HubHttp http) {
        this.http = http;
    }

    /**
     * Opens a case. The hub does not yet de-duplicate case opening by idempotency key, so this
     * call is retried only when the hub cannot have opened the case (no connection, 429, 503); on
     * a timeout you get {@link uk.gov.essex.mace.client.HubUnavailableException} and should
     * {@link #find(FindCaseRequest)} before opening again.
     */
    public CaseResponse open(OpenCaseRequest request) {
        return open(request, RequestOptions.NONE);
    }

    /** {@link #open(OpenCaseRequest)} with an idempotency key of your choosing. */
    public CaseResponse open(OpenCaseRequest request, RequestOptions options) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post("/api/cases", request, CaseResponse.class, Retry.ONLY_IF_NOT_PROCESSED,
                options.keyOrRandom()));
    }

    /** One case; {@link uk.gov.essex.mace.client.NotFoundException} if it does not exist or is out of reach. */
    public CaseResponse get(String caseId) {
        return http.send(HubRequest.get("/api/cases/" + segment(caseId), CaseResponse.class));
    }

    /** One page of the cases the caller may see, newest first. */
    public CaseListResponse listPage(int page, int size) {
        return http.send(HubRequest.get(HubRequest.query("/api/cases", HubRequest.params("page", page, "size", size)),
                CaseListResponse.class));
    }

    /** Every case the caller may see, newest first, fetched 50 at a time as iteration goes. */
    public PagedIterable<CaseResponse> list() {
        return list(DEFAULT_PAGE_SIZE);
    }

    /** Every case the caller may see, newest first, fetched {@code pageSize} (1 to 100) at a time. */
    public PagedIterable<CaseResponse> list(int pageSize) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("pageSize must be between 1 and 100");
        }
        return PagedIterable.of(0, page -> {
            CaseListResponse r = listPage(page, pageSize);
            return new PagedIterable.Page<>(r.items(), r.hasMore() ? page + 1 : null);
        });
    }

    /**
     * Finds a child's cases by name and date of birth: use it before opening a case, so a child
     * has one case. The lookup is read-only and retried freely.
     */
    public FindCaseResponse find(FindCaseRequest request) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post("/api/cases/find", request, FindCaseResponse.class, Retry.SAFE, null));
    }

    /** The member agencies of a case. */
    public List<MemberResponse> members(String caseId) {
        return http.send(HubRequest.get("/api/cases/" + segment(caseId) + "/members", MEMBERS));
    }

    /**
     * Makes an agency a member of a case; returns the members after the change. Adding a member
     * twice changes nothing, so this call is retried freely.
     */
    public List<MemberResponse> addMember(String caseId, String agencyId) {
        return http.send(HubRequest.post("/api/cases/" + segment(caseId) + "/members", new AddMemberRequest(agencyId),
                MEMBERS, Retry.SAFE, RequestOptions.NONE.keyOrRandom()));
    }

    /** Removes an agency from a case (a case keeps at least one member). */
    public void removeMember(String caseId, String agencyId) {
        http.send(HubRequest.delete("/api/cases/" + segment(caseId) + "/members/" + segment(agencyId)));
    }

    /** The body of {@link #addMember}. */
    record AddMemberRequest(String agencyId) {}
}
