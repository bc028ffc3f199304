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

/**
 * Quadrant-months of disruption updates due for erasure, and their two-person review: propose,
 * withdraw, approve (which erases). {@code scope} is the month's key scope,
 * {@code disruption:QUADRANT:yyyy-MM}. The evaluation that lists them is {@code POST /api/retention/evaluate}.
 */
@RestController
@RequestMapping("/api/retention/disruption-months")
class MonthReviewController {

    private final MonthReviewManager manager;

    MonthReviewController(MonthReviewManager manager) {
        this.manager = manager;
    }

    // Method names distinct from RetentionController's and the other features': they are the OpenAPI
    // operation ids, and a clash would renumber another endpoint's id in the published contract.

    @GetMapping("/due")
    List<DueMonthResponse> dueMonths(@AuthenticationPrincipal HubPrincipal who) {
        return manager.due(who);
    }

    @PostMapping("/due/{scope}/proposal")
    DueMonthResponse proposeMonth(@AuthenticationPrincipal HubPrincipal who, @PathVariable String scope) {
        return manager.propose(who, scope);
    }

    @DeleteMapping("/due/{scope}/proposal")
    DueMonthResponse withdrawMonthProposal(@AuthenticationPrincipal HubPrincipal who, @PathVariable String scope) {
        return manager.withdraw(who, scope);
    }

    @PostMapping("/due/{scope}/approval")
    MonthErasureResponse approveMonth(@AuthenticationPrincipal HubPrincipal who, @PathVariable String scope) {
        return manager.approve(who, scope);
    }
}
