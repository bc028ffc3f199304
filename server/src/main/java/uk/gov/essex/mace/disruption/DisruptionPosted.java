package uk.gov.essex.mace.disruption;

import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * Published after a disruption update was stored and audited, for live fan-out and timelines.
 * Carries ids only; listeners project the update per viewer.
 */
public record DisruptionPosted(String id, Quadrant quadrant, List<String> linkedCaseIds) {

    public DisruptionPosted {
        linkedCaseIds = List.copyOf(linkedCaseIds);
    }
}
