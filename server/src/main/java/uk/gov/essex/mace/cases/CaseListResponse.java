package uk.gov.essex.mace.cases;

import java.util.List;

/** One page of the cases the caller may see, newest first. */
public record CaseListResponse(List<CaseResponse> items, int page, int size, boolean hasMore) {}
