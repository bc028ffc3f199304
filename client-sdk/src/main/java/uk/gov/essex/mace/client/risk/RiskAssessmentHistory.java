package uk.gov.essex.mace.client.risk;

import java.util.List;

/**
 * A case's assessments.
 *
 * @param current the assessment in force, or null
 * @param history every assessment, current first, then older
 */
public record RiskAssessmentHistory(RiskAssessment current, List<RiskAssessment> history) {

    public RiskAssessmentHistory {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
