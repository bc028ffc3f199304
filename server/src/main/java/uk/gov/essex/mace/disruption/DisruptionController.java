package uk.gov.essex.mace.disruption;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.system.IdempotencyKeys;

/** Disruption updates about places. Every response is the caller's own redacted projection. */
@RestController
@RequestMapping("/api/disruptions")
class DisruptionController {

    private final DisruptionManager manager;
    private final DisruptionQueries queries;

    DisruptionController(DisruptionManager manager, DisruptionQueries queries) {
        this.manager = manager;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<DisruptionResponse> post(@AuthenticationPrincipal HubPrincipal who,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PostDisruptionRequest request) {
        DisruptionResponse posted = manager.post(who, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/disruptions/" + posted.id())).body(posted);
    }

    @GetMapping
    DisruptionListResponse list(@AuthenticationPrincipal HubPrincipal who,
            @RequestParam(required = false) String quadrant, @RequestParam(required = false) String district,
            @RequestParam(required = false) String type, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit) {
        return queries.list(who, new DisruptionQueries.ListRequest(quadrant, district, type, from, to, before, limit));
    }

    @GetMapping("/{id}")
    DisruptionResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String id) {
        return queries.read(who, id);
    }
}
