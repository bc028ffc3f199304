package uk.gov.essex.mace.chat;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;

/** The caller's own read markers on case feeds, and unread counts for "my cases". */
@RestController
class ReadMarkerController {

    private final ReadMarkerManager manager;

    ReadMarkerController(ReadMarkerManager manager) {
        this.manager = manager;
    }

    @PutMapping("/api/cases/{caseId}/chat/read")
    ResponseEntity<Void> markRead(@AuthenticationPrincipal HubPrincipal who, @PathVariable String caseId,
            @Valid @RequestBody MarkReadRequest request) {
        manager.markRead(who, caseId, request.itemId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/chat/unread")
    UnreadResponse unread(@AuthenticationPrincipal HubPrincipal who, @RequestParam("caseId") List<String> caseIds) {
        return manager.unread(who, caseIds);
    }
}
