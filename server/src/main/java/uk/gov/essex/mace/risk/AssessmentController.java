package uk.gov.essex.mace.risk;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Risk in the Community Record assessments of a case. */
@RestController
@RequestMapping("/api/cases/{caseId}/risk-assessments")
class AssessmentController {

    private final AssessmentManager manager;

    AssessmentController(AssessmentManager manager) {
        this.manager = manager;
    }

    @PostMapping
    ResponseEntity<AssessmentResponse> record(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody RecordAssessmentRequest request) {
        AssessmentResponse recorded = manager.record(who, caseId, request);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/risk-assessments")).body(recorded);
    }

    @GetMapping
    AssessmentHistoryResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.read(who, caseId);
    }
}
