package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded exploitation indicator. */
public record IndicatorResponse(
        String id,
        String caseId,
        ExploitationIndicator indicator,
        LocalDate observedOn,
        String sourceNote,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt) {

    static IndicatorResponse of(String caseId, StoredIndicator i) {
        return new IndicatorResponse(i.id(), caseId, i.indicator(), i.observedOn(), i.sourceNote(), i.recordedBy(),
                i.recordedByAgency(), i.recordedAt());
    }

    @Override
    public String toString() {
        return "IndicatorResponse[" + id + "]";
    }
}
