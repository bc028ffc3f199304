package uk.gov.essex.mace.retention;

import java.time.Instant;
import java.util.Map;

/**
 * What an approved erasure removed: the records per kind, under which schedule; the case's data key
 * was destroyed. The same facts are in the audit trail's {@code case.erased} entry.
 */
public record ErasureResponse(String caseId, String schedule, Map<String, Integer> erased, boolean dataKeyDestroyed,
        Instant erasedAt) {

    public ErasureResponse {
        erased = Map.copyOf(erased);
    }
}
