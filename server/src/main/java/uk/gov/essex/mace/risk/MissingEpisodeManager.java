package uk.gov.essex.mace.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.risk.StoredEpisode.Change;
import uk.gov.essex.mace.risk.StoredEpisode.Version;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * Reports, closes, corrects and deletes missing episodes. Every change is a new version of the
 * episode (nothing is overwritten), is audited, and is then handed to the MACE criteria, because
 * each can move an episode into or out of a 28-day window.
 */
@Service
class MissingEpisodeManager {

    /** A report made this long after the start is marked late (back-dated) and audited as such. */
    static final Duration LATE_REPORT_AFTER = Duration.ofHours(24);

    static final String REPORT = "risk.missing-episode.report";
    private static final String RETURN = "risk.missing-episode.return";
    private static final String CORRECT = "risk.missing-episode.correct";
    private static final String DELETE = "risk.missing-episode.delete";

    private final CaseRiskStore store;
    private final RiskAccess access;

    MissingEpisodeManager(CaseRiskStore store, RiskAccess access) {
        this.store = store;
        this.access = access;
    }

    MissingEpisodeResponse report(HubPrincipal who, String caseId, ReportMissingEpisodeRequest request) {
        access.authorise(who, caseId, Action.MISSING_EPISODE_RECORD, REPORT);
        Instant now = access.now();
        Instant start = millis(request.startedAt());
        Instant returned = millis(request.returnedAt());
        checkTimes(who, caseId, REPORT, start, returned, request.whereFound(), request.returnHomeInterview(), now);
        Version first = new Version(1, start, returned, strip(request.whereFound()), request.returnHomeInterview(),
                false, Change.REPORTED, null, late(start, now), who.subject(), who.agencyId(), now);
        StoredEpisode episode = new StoredEpisode(UUID.randomUUID().toString(), List.of(first));
        CaseRiskRecord after = store.update(caseId, r -> r.withEpisode(episode));
        return finish(who, caseId, REPORT, episode.id(), first, after, "missing-episode.reported");
    }

    MissingEpisodeResponse recordReturn(HubPrincipal who, String caseId, String episodeId, RecordReturnRequest request) {
        access.authorise(who, caseId, Action.MISSING_EPISODE_RECORD, RETURN);
        Instant now = access.now();
        Instant returned = millis(request.returnedAt());
        return change(who, caseId, RETURN, episodeId, null, current -> {
            if (current.returnedAt() != null) {
                throw access.rejected(who, caseId, RETURN, new ConflictProblem("already-returned",
                        "The episode already has a return; correct it to change the return."));
            }
            checkTimes(who, caseId, RETURN, current.startedAt(), returned, request.whereFound(),
                    request.returnHomeInterview(), now);
            return new Version(current.number() + 1, current.startedAt(), returned, strip(request.whereFound()),
                    request.returnHomeInterview(), false, Change.RETURNED, null, current.lateReport(),
                    who.subject(), who.agencyId(), now);
        }, "missing-episode.returned");
    }

    MissingEpisodeResponse correct(HubPrincipal who, String caseId, String episodeId, CorrectMissingEpisodeRequest request) {
        access.authorise(who, caseId, Action.MISSING_EPISODE_RECORD, CORRECT);
        Instant now = access.now();
        Instant start = millis(request.startedAt());
        Instant returned = millis(request.returnedAt());
        checkTimes(who, caseId, CORRECT, start, returned, request.whereFound(), request.returnHomeInterview(), now);
        return change(who, caseId, CORRECT, episodeId, request.version(), current -> new Version(current.number() + 1,
                start, returned, strip(request.whereFound()), request.returnHomeInterview(), false, Change.CORRECTED,
                request.reason().strip(), start.equals(current.startedAt()) ? current.lateReport() : late(start, now),
                who.subject(), who.agencyId(), now), "missing-episode.corrected");
    }

    MissingEpisodeResponse delete(HubPrincipal who, String caseId, String episodeId, DeleteMissingEpisodeRequest request) {
        access.authorise(who, caseId, Action.MISSING_EPISODE_RECORD, DELETE);
        Instant now = access.now();
        return change(who, caseId, DELETE, episodeId, request.version(), current -> new Version(current.number() + 1,
                current.startedAt(), current.returnedAt(), current.whereFound(), current.returnHomeInterview(), true,
                Change.DELETED, request.reason().strip(), current.lateReport(), who.subject(), who.agencyId(), now),
                "missing-episode.deleted");
    }

    /** Adds the next version made by {@code next} from the current one, refusing stale or deleted episodes. */
    private MissingEpisodeResponse change(HubPrincipal who, String caseId, String action, String episodeId,
            Integer expectedVersion, UnaryOperator<Version> next, String kind) {
        AtomicReference<Version> made = new AtomicReference<>();
        CaseRiskRecord after = store.update(caseId, r -> {
            StoredEpisode episode = r.episode(episodeId)
                    .orElseThrow(() -> access.notFound(who, caseId, action, "The missing episode"));
            Version current = episode.current();
            if (current.deleted()) {
                throw access.rejected(who, caseId, action, new ConflictProblem("episode-deleted",
                        "The missing episode was deleted and can no longer be changed."));
            }
            if (expectedVersion != null && expectedVersion != current.number()) {
                throw access.rejected(who, caseId, action, new ConflictProblem("stale-version",
                        "The missing episode is now at version " + current.number() + "; read it again."));
            }
            made.set(next.apply(current));
            return r.withEpisode(episode.with(made.get()));
        });
        return finish(who, caseId, action, episodeId, made.get(), after, kind);
    }

    private MissingEpisodeResponse finish(HubPrincipal who, String caseId, String action, String episodeId,
            Version version, CaseRiskRecord after, String kind) {
        access.auditOrUndo(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, caseId, episodeId)
                        .with("version", Integer.toString(version.number()))
                        .with("backDated", Boolean.toString(version.lateReport())),
                () -> store.update(caseId, r -> r.withoutEpisodeVersion(episodeId, version.number())));
        access.changed(who, after, kind);
        return MissingEpisodeResponse.of(caseId, episodeId, version);
    }

    private void checkTimes(HubPrincipal who, String caseId, String action, Instant start, Instant returned,
            String whereFound, Boolean returnHomeInterview, Instant now) {
        if (start.isAfter(now)) {
            throw access.rejected(who, caseId, action, new InvalidRequestProblem("future-start",
                    "A missing episode cannot start in the future.", Map.of("startedAt", "in the future")));
        }
        if (returned == null && (whereFound != null || returnHomeInterview != null)) {
            throw access.rejected(who, caseId, action, new InvalidRequestProblem("not-returned",
                    "Where the child was found and the return home interview are recorded with the return.",
                    Map.of("returnedAt", "required with whereFound or returnHomeInterview")));
        }
        if (returned != null && returned.isBefore(start)) {
            throw access.rejected(who, caseId, action, new InvalidRequestProblem("ends-before-start",
                    "A missing episode cannot end before it starts.", Map.of("returnedAt", "before startedAt")));
        }
        if (returned != null && returned.isAfter(now)) {
            throw access.rejected(who, caseId, action, new InvalidRequestProblem("future-return",
                    "The return cannot be in the future.", Map.of("returnedAt", "in the future")));
        }
    }

    private static boolean late(Instant start, Instant now) {
        return start.isBefore(now.minus(LATE_REPORT_AFTER));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
