package uk.gov.essex.mace.client.risk;

import java.time.LocalDate;

/**
 * Records an exploitation indicator the caller's agency noticed.
 *
 * @param indicator which indicator
 * @param observedOn when it was noticed; not in the future
 * @param sourceNote where the information comes from; parts may be marked
 *     {@code [[label-id:restricted text]]} with a label at least as strict as the indicator's
 * @param label the handling label (see {@code GET /api/labels}); null for {@code all-members}, every
 *     reader of the case
 */
public record RecordIndicatorRequest(ExploitationIndicator indicator, LocalDate observedOn, String sourceNote,
        String label) {

    /** An indicator under the {@code all-members} label. */
    public RecordIndicatorRequest(ExploitationIndicator indicator, LocalDate observedOn, String sourceNote) {
        this(indicator, observedOn, sourceNote, null);
    }

    @Override
    public String toString() {
        return "RecordIndicatorRequest[" + indicator + ", " + observedOn + ", label=" + label + "]";
    }
}
