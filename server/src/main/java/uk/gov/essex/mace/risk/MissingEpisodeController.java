package uk.gov.essex.mace.risk;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Missing episodes of a case: report, return, correct, delete (softly), read. */
@RestController
@RequestMapping("/api/cases/{caseId}/missing-episodes")
class MissingEpisodeController {

    private final MissingEpisodeManager manager;
    private final MissingEpisodeQueries queries;

    MissingEpisodeController(MissingEpisodeManager manager, MissingEpisodeQueries queries) {
        this.manager = manager;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<MissingEpisodeResponse> report(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody ReportMissingEpisodeRequest request) {
        MissingEpisodeResponse reported = manager.report(who, caseId, request);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/missing-episodes/" + reported.id()))
                .body(reported);
    }

    @GetMapping
    List<MissingEpisodeResponse> list(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @RequestParam(defaultValue = "false") boolean includeDeleted) {
        return queries.list(who, caseId, includeDeleted);
    }

    @GetMapping("/{episodeId}")
    MissingEpisodeHistoryResponse history(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String episodeId) {
        return queries.history(who, caseId, episodeId);
    }

    @PostMapping("/{episodeId}/return")
    MissingEpisodeResponse recordReturn(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String episodeId, @Valid @RequestBody RecordReturnRequest request) {
        return manager.recordReturn(who, caseId, episodeId, request);
    }

    @PutMapping("/{episodeId}")
    MissingEpisodeResponse correct(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String episodeId, @Valid @RequestBody CorrectMissingEpisodeRequest request) {
        return manager.correct(who, caseId, episodeId, request);
    }

    @DeleteMapping("/{episodeId}")
    MissingEpisodeResponse delete(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String episodeId, @Valid @RequestBody DeleteMissingEpisodeRequest request) {
        return manager.delete(who, caseId, episodeId, request);
    }
}
