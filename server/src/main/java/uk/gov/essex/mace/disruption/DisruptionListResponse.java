package uk.gov.essex.mace.disruption;

import java.util.List;

/**
 * A page of disruption updates, newest first. {@code nextBefore} pages further back: it is opaque
 * to clients (the id of an update the viewer was shown, never a position). There is no total, so
 * that neither a count nor a gap can reveal updates a viewer may not know exist.
 */
public record DisruptionListResponse(List<DisruptionResponse> items, String nextBefore) {}
