package uk.gov.essex.mace.client.risk;

import static uk.gov.essex.mace.client.internal.HubRequest.segment;

import java.util.List;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import uk.gov.essex.mace.client.RequestOptions;
import uk.gov.essex.mace.client.internal.HubHttp;
import uk.gov.essex.mace.client.internal.HubRequest;
import uk.gov.essex.mace.client.internal.Retry;

/**
 * Missing episodes of a case ({@code /api/cases/{caseId}/missing-episodes}); police and children's
 * social care report them. Obtain from {@code HubClient.missingEpisodes()}.
 *
 * <p>The hub does not yet de-duplicate reports by idempotency key, so {@link #report} is retried
 * only when the hub cannot have stored it; after a {@link uk.gov.essex.mace.client.HubUnavailableException}
 * check {@link #list} before reporting again.
 */
public final class MissingEpisodesClient {

    private static final TypeReference<List<MissingEpisode>> EPISODES = new TypeReference<>() {};

    private final HubHttp http;

    /** Internal: use {@code HubClient.missingEpisodes()}. */
    public MissingEpisodesClient(HubHttp http) {
        this.http = http;
    }

    /** Reports an episode; a third within four weeks puts the child in the MACE criteria and raises an alert. */
    public MissingEpisode report(String caseId, ReportMissingEpisodeRequest request) {
        Objects.requireNonNull(request, "request");
        return http.send(HubRequest.post(path(caseId), request, MissingEpisode.class, Retry.ONLY_IF_NOT_PROCESSED,
                RequestOptions.NONE.keyOrRandom()));
    }

    /** The case's episodes as they stand (deleted ones too when asked). */
    public List<MissingEpisode> list(String caseId, boolean includeDeleted) {
        return http.send(HubRequest.get(HubRequest.query(path(caseId), HubRequest.params("includeDeleted", includeDeleted)),
                EPISODES));
    }

    /** One episode with every version. */
    public MissingEpisodeHistory history(String caseId, String episodeId) {
        return http.send(HubRequest.get(path(caseId) + "/" + segment(episodeId), MissingEpisodeHistory.class));
    }

    /** Records the child's return. */
    public MissingEpisode recordReturn(String caseId, String episodeId, RecordReturnRequest request) {
        return http.send(HubRequest.post(path(caseId) + "/" + segment(episodeId) + "/return", request, MissingEpisode.class,
                Retry.ONLY_IF_NOT_PROCESSED, RequestOptions.NONE.keyOrRandom()));
    }

    /** Corrects an episode (a new version; the old is kept). */
    public MissingEpisode correct(String caseId, String episodeId, CorrectMissingEpisodeRequest request) {
        return http.send(HubRequest.put(path(caseId) + "/" + segment(episodeId), request, MissingEpisode.class));
    }

    /** Deletes an episode recorded in error (kept, marked deleted, no longer counted). */
    public MissingEpisode delete(String caseId, String episodeId, int version, String reason) {
        return http.send(HubRequest.delete(path(caseId) + "/" + segment(episodeId), new DeleteRequest(version, reason),
                MissingEpisode.class));
    }

    private static String path(String caseId) {
        return "/api/cases/" + segment(caseId) + "/missing-episodes";
    }

    /** The body of {@link #delete}. */
    record DeleteRequest(Integer version, String reason) {}
}
