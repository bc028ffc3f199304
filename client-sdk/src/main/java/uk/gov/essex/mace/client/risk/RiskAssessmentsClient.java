package uk.gov.essex.mace.client.risk;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.Objects;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;

/** Risk in the Community Record assessments ({@code /api/cases/{caseId}/risk-assessments}). */
public final class RiskAssessmentsClient {

    private final HubHttp http;

    /** Internal: use {@code HubClient.riskAssessments()}. */
    public RiskAssessmentsClient(HubHttp http) {
        this.http = http;
    }

    /** Records an assessment (retried only when the hub cannot have stored it). */
    public RiskAssessment record(String caseId, RecordAssessmentRequest request) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post(path(caseId), request, RiskAssessment.class, Retry.ONLY_IF_NOT_PROCESSED,
                RequestOptions.NONE.keyOrRandom()));
    }

    /** The current assessment and the history. */
    public RiskAssessmentHistory read(String caseId) {
        return http.send(HubRequest.get(path(caseId), RiskAssessmentHistory.class));
    }

    private static String path(String caseId) {
        return "/api/cases/" + segment(caseId) + "/risk-assessments";
    }
}
