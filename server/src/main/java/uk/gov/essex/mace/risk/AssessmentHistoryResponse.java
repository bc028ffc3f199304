package uk.gov.essex.mace.risk;

import java.util.List;

/**
 * A case's assessments: the current one (or {@code null}) and the whole history, the current
 * first and then older by assessment date and recording time.
 */
public record AssessmentHistoryResponse(AssessmentResponse current, List<AssessmentResponse> history) {}
