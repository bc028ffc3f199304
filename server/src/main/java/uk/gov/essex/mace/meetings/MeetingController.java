package uk.gov.essex.mace.meetings;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Quadrant;

/** MACE Part 1 meetings: agenda, minutes, decisions and actions. */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final MeetingManager manager;
    private final MeetingRecords records;

    MeetingController(MeetingManager manager, MeetingRecords records) {
        this.manager = manager;
        this.records = records;
    }

    @PostMapping
    ResponseEntity<MeetingResponse> create(@AuthenticationPrincipal HubPrincipal who,
            @Valid @RequestBody CreateMeetingRequest request) {
        MeetingResponse created = manager.create(who, request);
        return ResponseEntity.created(URI.create("/api/meetings/" + created.id())).body(created);
    }

    @GetMapping
    List<MeetingSummaryResponse> list(@AuthenticationPrincipal HubPrincipal who,
            @RequestParam(required = false) Quadrant quadrant) {
        return manager.list(who, quadrant);
    }

    @GetMapping("/overdue-actions")
    List<ActionResponse> overdue(@AuthenticationPrincipal HubPrincipal who) {
        return records.overdue(who);
    }

    @GetMapping("/{meetingId}")
    MeetingResponse read(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId) {
        return manager.read(who, meetingId);
    }

    @PostMapping("/{meetingId}/agenda/refresh")
    MeetingResponse refresh(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId) {
        return manager.refresh(who, meetingId);
    }

    @PostMapping("/{meetingId}/agenda")
    MeetingResponse add(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId,
            @Valid @RequestBody AddToAgendaRequest request) {
        return manager.add(who, meetingId, request);
    }

    @DeleteMapping("/{meetingId}/agenda/{caseId}")
    MeetingResponse remove(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId,
            @PathVariable String caseId, @Valid @RequestBody RemoveFromAgendaRequest request) {
        return manager.remove(who, meetingId, caseId, request);
    }

    @PutMapping("/{meetingId}/cases/{caseId}/minutes")
    AgendaItemResponse minutes(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId,
            @PathVariable String caseId, @Valid @RequestBody MinutesRequest request) {
        return records.recordMinutes(who, meetingId, caseId, request);
    }

    @GetMapping("/{meetingId}/cases/{caseId}/minutes/revisions")
    List<MinutesRevisionResponse> minutesRevisions(@AuthenticationPrincipal HubPrincipal who,
            @PathVariable String meetingId, @PathVariable String caseId) {
        return records.minutesRevisions(who, meetingId, caseId);
    }

    @PostMapping("/{meetingId}/cases/{caseId}/actions")
    ResponseEntity<ActionResponse> action(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId,
            @PathVariable String caseId, @Valid @RequestBody RecordActionRequest request) {
        ActionResponse recorded = records.recordAction(who, meetingId, caseId, request);
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId)).body(recorded);
    }

    @PostMapping("/{meetingId}/actions/{actionId}/status")
    ActionResponse status(@AuthenticationPrincipal HubPrincipal who, @PathVariable String meetingId,
            @PathVariable String actionId, @Valid @RequestBody ActionStatusRequest request) {
        return records.changeStatus(who, meetingId, actionId, request);
    }
}
