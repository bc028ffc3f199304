package uk.gov.essex.mace.retention;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Cases due for erasure, and their two-person review: propose, withdraw, approve (which erases). */
@RestController
@RequestMapping("/api/retention")
class RetentionController {

    private final RetentionManager manager;

    RetentionController(RetentionManager manager) {
        this.manager = manager;
    }

    @GetMapping("/due")
    List<DueCaseResponse> due(@AuthenticationPrincipal HubPrincipal who) {
        return manager.due(who);
    }

    /** Runs the evaluation now (it also runs on its schedule). */
    @PostMapping("/evaluate")
    EvaluationResponse evaluate(@AuthenticationPrincipal HubPrincipal who) {
        return manager.evaluate(who);
    }

    @PostMapping("/due/{caseId}/proposal")
    DueCaseResponse propose(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.propose(who, caseId);
    }

    @DeleteMapping("/due/{caseId}/proposal")
    DueCaseResponse withdraw(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.withdraw(who, caseId);
    }

    @PostMapping("/due/{caseId}/approval")
    ErasureResponse approve(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.approve(who, caseId);
    }
}
