package uk.gov.essex.mace.client.cases;

import java.util.List;

/**
 * One page of the cases the caller may see, newest first.
 *
 * @param items the cases on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasMore whether another page follows
 */
public record CaseListResponse(List<CaseResponse> items, int page, int size, boolean hasMore) {

    public CaseListResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
