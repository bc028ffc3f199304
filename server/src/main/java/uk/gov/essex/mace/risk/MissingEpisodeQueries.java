package uk.gov.essex.mace.risk;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;

/** Reads a case's missing episodes: as they stand, or one with its whole history. */
@Service
class MissingEpisodeQueries {

    private static final String READ = "risk.missing-episode.read";

    private final CaseRiskStore store;
    private final RiskAccess access;

    MissingEpisodeQueries(CaseRiskStore store, RiskAccess access) {
        this.store = store;
        this.access = access;
    }

    /** The current version of each episode, latest start first; deleted ones only when asked for. */
    List<MissingEpisodeResponse> list(HubPrincipal who, String caseId, boolean includeDeleted) {
        access.authorise(who, caseId, Action.CASE_READ, READ);
        List<MissingEpisodeResponse> episodes = store.find(caseId).map(CaseRiskRecord::episodes).orElse(List.of())
                .stream()
                .filter(e -> includeDeleted || !e.current().deleted())
                .map(e -> MissingEpisodeResponse.of(caseId, e.id(), e.current()))
                .sorted(Comparator.comparing(MissingEpisodeResponse::startedAt).reversed())
                .toList();
        access.audited(AuditEvent.of(who, READ, AuditEvent.Outcome.SUCCESS, caseId)
                .with("count", Integer.toString(episodes.size())));
        return episodes;
    }

    MissingEpisodeHistoryResponse history(HubPrincipal who, String caseId, String episodeId) {
        access.authorise(who, caseId, Action.CASE_READ, READ);
        StoredEpisode episode = store.find(caseId).flatMap(r -> r.episode(episodeId))
                .orElseThrow(() -> access.notFound(who, caseId, READ, "The missing episode"));
        access.audited(AuditEvent.of(who, READ, AuditEvent.Outcome.SUCCESS, caseId, episodeId));
        return new MissingEpisodeHistoryResponse(MissingEpisodeResponse.of(caseId, episodeId, episode.current()),
                episode.versions().stream().map(v -> MissingEpisodeResponse.of(caseId, episodeId, v)).toList());
    }
}
