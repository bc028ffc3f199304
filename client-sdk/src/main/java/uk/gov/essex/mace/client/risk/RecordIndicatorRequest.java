package uk.gov.essex.mace.client.risk;

import java.time.LocalDate;

/**
 * Records an exploitation indicator the caller's agency noticed.
 *
 * @param indicator which indicator
 * @param observedOn when it was noticed; not in the future
 * @param sourceNote where the information comes from
 */
public record RecordIndicatorRequest(ExploitationIndicator indicator, LocalDate observedOn, String sourceNote) {

    @Override
    public String toString() {
        return "RecordIndicatorRequest[" + indicator + ", " + observedOn + "]";
    }
}
