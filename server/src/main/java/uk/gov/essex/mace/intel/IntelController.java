package uk.gov.essex.mace.intel;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.system.IdempotencyKeys;

/** Intelligence on a case. Every response is the caller's own redacted projection. */
@RestController
@RequestMapping("/api/cases/{caseId}/intel")
class IntelController {

    private final IntelManager manager;

    IntelController(IntelManager manager) {
        this.manager = manager;
    }

    @PostMapping
    ResponseEntity<IntelItemResponse> share(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ShareIntelRequest request) {
        IntelItemResponse shared = manager.share(who, caseId, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/intel/" + shared.id())).body(shared);
    }

    @GetMapping
    IntelListResponse list(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @RequestParam(required = false) String before, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") int limit) {
        return after != null ? manager.listAfter(who, caseId, after, limit, before) : manager.list(who, caseId, before, limit);
    }

    @GetMapping("/{itemId}")
    IntelItemResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId, @PathVariable String itemId) {
        return manager.read(who, caseId, itemId);
    }

    @GetMapping("/{itemId}/revisions")
    List<IntelItemResponse> history(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String itemId) {
        return manager.history(who, caseId, itemId);
    }

    @PutMapping("/{itemId}")
    IntelItemResponse edit(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId, @PathVariable String itemId,
            @Valid @RequestBody EditIntelRequest request) {
        return manager.edit(who, caseId, itemId, request);
    }

    @PostMapping("/{itemId}/withdraw")
    IntelItemResponse withdraw(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String itemId, @Valid @RequestBody WithdrawIntelRequest request) {
        return manager.withdraw(who, caseId, itemId, request);
    }
}
