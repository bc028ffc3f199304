package uk.gov.essex.mace.risk;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Exploitation indicators of a case. */
@RestController
@RequestMapping("/api/cases/{caseId}/indicators")
class IndicatorController {

    private final IndicatorManager manager;

    IndicatorController(IndicatorManager manager) {
        this.manager = manager;
    }

    @PostMapping
    ResponseEntity<IndicatorResponse> record(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody RecordIndicatorRequest request) {
        IndicatorResponse recorded = manager.record(who, caseId, request);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/indicators")).body(recorded);
    }

    @GetMapping
    List<IndicatorResponse> list(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.list(who, caseId);
    }
}
