package uk.gov.essex.mace.retention;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** A case's legal hold: placed and lifted (each with a reason) by the quadrant's chair or member police intelligence. */
@RestController
@RequestMapping("/api/cases/{caseId}/legal-hold")
class LegalHoldController {

    private final LegalHoldManager manager;

    LegalHoldController(LegalHoldManager manager) {
        this.manager = manager;
    }

    @GetMapping
    LegalHoldResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.read(who, caseId);
    }

    @PostMapping
    LegalHoldResponse place(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody LegalHoldRequest request) {
        return manager.place(who, caseId, request);
    }

    /** Lifts the hold; the body carries the reason (a DELETE with a body, as the reason must be recorded). */
    @DeleteMapping
    LegalHoldResponse lift(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody LegalHoldRequest request) {
        return manager.lift(who, caseId, request);
    }
}
