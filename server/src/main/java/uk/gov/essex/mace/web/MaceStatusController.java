package uk.gov.essex.mace.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** MACE standing of cases, for the "my cases" page. */
@RestController
class MaceStatusController {

    private final MaceStatusManager manager;

    MaceStatusController(MaceStatusManager manager) {
        this.manager = manager;
    }

    @GetMapping("/api/mace-status")
    List<MaceStatusResponse> status(@AuthenticationPrincipal HubPrincipal who, @RequestParam("caseId") List<String> caseIds) {
        return manager.status(who, caseIds);
    }
}
