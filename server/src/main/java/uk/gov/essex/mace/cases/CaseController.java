package uk.gov.essex.mace.cases;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** Cases: one child each. Thin: every call goes straight to {@link CaseManager}. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseManager manager;
    private final CaseLifecycle lifecycle;

    CaseController(CaseManager manager, CaseLifecycle lifecycle) {
        this.manager = manager;
        this.lifecycle = lifecycle;
    }

    @PostMapping
    ResponseEntity<CaseResponse> open(@AuthenticationPrincipal HubPrincipal who,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody OpenCaseRequest request) {
        CaseResponse opened = manager.open(who, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
    }

    @GetMapping
    CaseListResponse list(@AuthenticationPrincipal HubPrincipal who,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return manager.list(who, page, size);
    }

    @PostMapping("/find")
    FindChildResponse find(@AuthenticationPrincipal HubPrincipal who, @Valid @RequestBody FindChildRequest request) {
        return manager.find(who, request);
    }

    @GetMapping("/{caseId}")
    CaseResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.read(who, caseId);
    }

    @GetMapping("/{caseId}/members")
    List<MemberResponse> members(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return manager.members(who, caseId);
    }

    @PostMapping("/{caseId}/members")
    List<MemberResponse> addMember(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody AddMemberRequest request) {
        return manager.addMember(who, caseId, request);
    }

    @PostMapping("/{caseId}/close")
    CaseResponse close(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody CloseCaseRequest request) {
        return lifecycle.close(who, caseId, request);
    }

    @PostMapping("/{caseId}/reopen")
    CaseResponse reopen(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId) {
        return lifecycle.reopen(who, caseId);
    }

    @DeleteMapping("/{caseId}/members/{agencyId}")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @PathVariable String agencyId) {
        manager.removeMember(who, caseId, agencyId);
        return ResponseEntity.noContent().build();
    }
}
