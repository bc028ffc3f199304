package uk.gov.essex.mace.profile;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.system.IdempotencyKeys;

/** MACE Part 2 meetings and the themes they share with Stay Safe groups and the wider workforce. */
@RestController
@RequestMapping("/api/profiles/meetings")
class Part2MeetingController {

    private final Part2MeetingManager manager;

    Part2MeetingController(Part2MeetingManager manager) {
        this.manager = manager;
    }

    @PostMapping
    ResponseEntity<Part2MeetingResponse> record(@AuthenticationPrincipal HubPrincipal who,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RecordPart2MeetingRequest request) {
        Part2MeetingResponse recorded = manager.record(who, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/profiles/meetings?quadrant=" + recorded.quadrant())).body(recorded);
    }

    @GetMapping
    List<Part2MeetingResponse> list(@AuthenticationPrincipal HubPrincipal who, @RequestParam(required = false) String quadrant) {
        return manager.list(who, quadrant);
    }
}
