package uk.gov.essex.mace.client.risk;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;

/** Exploitation indicators of a case ({@code /api/cases/{caseId}/indicators}). */
public final class IndicatorsClient {

    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {};

    private final HubHttp http;

    /** Internal: use {@code HubClient.indicators()}. */
    public IndicatorsClient(HubHttp http) {
        this.http = http;
    }

    /** Records an indicator (retried only when the hub cannot have stored it). */
    public Indicator record(String caseId, RecordIndicatorRequest request) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post(path(caseId), request, Indicator.class, Retry.ONLY_IF_NOT_PROCESSED,
                RequestOptions.NONE.keyOrRandom()));
    }

    /** The case's indicators. */
    public List<Indicator> list(String caseId) {
        return http.send(HubRequest.get(path(caseId), INDICATORS));
    }

    private static String path(String caseId) {
        return "/api/cases/" + segment(caseId) + "/indicators";
    }
}
