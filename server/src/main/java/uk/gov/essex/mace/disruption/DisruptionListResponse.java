package uk.gov.essex.mace.disruption;

import java.util.List;

/**
 * A page of disruption updates, newest first. {@code nextBefore} pages further back; there is no
 * total, so that a count cannot reveal updates a viewer may not know exist.
 */
public record DisruptionListResponse(List<DisruptionResponse> items, Long nextBefore) {}
