package uk.gov.essex.mace.client.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded exploitation indicator.
 *
 * @param id indicator record id
 * @param caseId the case
 * @param indicator which indicator
 * @param observedOn when noticed
 * @param sourceNote where the information comes from
 * @param recordedBy who recorded it
 * @param recordedByAgency their agency
 * @param recordedAt when
 */
public record Indicator(String id, String caseId, ExploitationIndicator indicator, LocalDate observedOn, String sourceNote,
        String recordedBy, String recordedByAgency, Instant recordedAt) {

    @Override
    public String toString() {
        return "Indicator[" + id + "]";
    }
}
