package uk.gov.essex.mace.intel;

import java.util.List;

/**
 * A page of a case's timeline, newest first. {@code nextBefore} pages further back; there is no
 * total, so that a count cannot reveal items a viewer may not know exist.
 */
public record IntelListResponse(List<IntelItemResponse> items, Long nextBefore) {}
