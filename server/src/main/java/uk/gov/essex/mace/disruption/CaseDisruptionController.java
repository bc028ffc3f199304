package uk.gov.essex.mace.disruption;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** The disruption updates linked to a case, for its timeline, each projected for the caller. */
@RestController
class CaseDisruptionController {

    private final DisruptionQueries queries;

    CaseDisruptionController(DisruptionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/cases/{caseId}/disruptions")
    List<DisruptionResponse> forCase(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return queries.forCase(who, caseId);
    }
}
