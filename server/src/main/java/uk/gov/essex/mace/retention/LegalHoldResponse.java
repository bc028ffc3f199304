package uk.gov.essex.mace.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A case's legal hold (its latest), as those who may manage holds read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalHoldResponse(
        String caseId,
        boolean held,
        String placedBy,
        String placedByAgency,
        Instant placedAt,
        String reason,
        String liftedBy,
        String liftedByAgency,
        Instant liftedAt,
        String liftReason) {

    static LegalHoldResponse none(String caseId) {
        return new LegalHoldResponse(caseId, false, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "LegalHoldResponse[" + caseId + (held ? " held" : "") + "]";
    }
}
