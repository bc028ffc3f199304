package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.alerts.AlertAgenda;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * Schedules MACE Part 1 meetings and keeps their agendas: built automatically from the criteria,
 * refreshed on request until the meeting day, edited by the coordinator. Whenever a case goes on
 * an agenda its open alerts move to ON_AGENDA.
 */
@Service
class MeetingManager {

    private final Meetings meetings;
    private final AgendaBuilder builder;
    private final MeetingAccess access;
    private final AlertAgenda alerts;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final MinutesStore sealer;

    MeetingManager(Meetings meetings, AgendaBuilder builder, MeetingAccess access, AlertAgenda alerts, CaseLookup cases,
            PolicyDecisionPoint policy, MinutesStore sealer) {
        this.meetings = meetings;
        this.builder = builder;
        this.access = access;
        this.alerts = alerts;
        this.cases = cases;
        this.policy = policy;
        this.sealer = sealer;
    }

    MeetingResponse create(HubPrincipal who, CreateMeetingRequest request) {
        Quadrant quadrant = Quadrant.parse(request.quadrant()).orElseThrow(() -> access.rejected(who, "new-meeting",
                "meeting.create", "unknown-quadrant", new InvalidRequestProblem("unknown-quadrant",
                        "No such quadrant: the quadrants are MID, NORTH, SOUTH and WEST.", Map.of("quadrant", "unknown"))));
        policy.check(who, Action.MEETING_MANAGE, quadrant);
        Instant now = access.now();
        String id = Meeting.idFor(quadrant, request.date());
        Meeting empty = new Meeting(id, 1, quadrant, request.date(), now, who.subject(), List.of(), List.of(), List.of());
        if (!meetings.insert(empty)) {
            throw access.rejected(who, id, "meeting.create", "exists", new ConflictProblem("meeting-exists",
                    "The quadrant already has a meeting on " + request.date() + "."));
        }
        access.audited(AuditEvent.of(who, "meeting.create", AuditEvent.Outcome.SUCCESS, id));
        return access.view(who, build(who, meetings.find(id).orElseThrow()));
    }

    List<MeetingSummaryResponse> list(HubPrincipal who, Quadrant quadrant) {
        List<Quadrant> asked = quadrant == null ? List.copyOf(who.quadrants()) : List.of(quadrant);
        List<MeetingSummaryResponse> visible = new ArrayList<>();
        for (Quadrant q : asked) {
            if (policy.permits(who, Action.MEETING_READ, q)) {
                meetings.inQuadrant(q).forEach(m -> visible.add(
                        new MeetingSummaryResponse(m.id(), m.quadrant(), m.date(), m.casesOnAgenda().size())));
            }
        }
        visible.sort(Comparator.comparing(MeetingSummaryResponse::date).reversed());
        access.audited(AuditEvent.of(who, "meeting.list", AuditEvent.Outcome.SUCCESS)
                .with("count", Integer.toString(visible.size())));
        return visible;
    }

    MeetingResponse read(HubPrincipal who, String meetingId) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_READ, "meeting.read");
        MeetingResponse view = access.view(who, meeting);
        access.audited(AuditEvent.of(who, "meeting.read", AuditEvent.Outcome.SUCCESS, meetingId)
                .with("withheld", Integer.toString(view.withheldItems())));
        return view;
    }

    /** Rebuilds the automatic part of the agenda from the criteria as they stand now. */
    MeetingResponse refresh(HubPrincipal who, String meetingId) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_MANAGE, "meeting.agenda.refresh");
        if (meeting.date().isBefore(access.today())) {
            throw access.rejected(who, meetingId, "meeting.agenda.refresh", "meeting-held", new ConflictProblem(
                    "meeting-held", "The meeting has been held; its agenda is no longer built automatically."));
        }
        return access.view(who, build(who, meeting));
    }

    MeetingResponse add(HubPrincipal who, String meetingId, AddToAgendaRequest request) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_MANAGE, "meeting.agenda.add");
        CaseFacts facts = cases.facts(request.caseId()).orElseThrow(() -> access.rejected(who, meetingId,
                "meeting.agenda.add", "unknown-case", new NotFoundProblem("The case")));
        if (facts.quadrant() != meeting.quadrant()) {
            throw access.rejected(who, meetingId, "meeting.agenda.add", "wrong-quadrant", new InvalidRequestProblem(
                    "wrong-quadrant", "The case belongs to another quadrant's meeting.", Map.of("caseId", "other quadrant")));
        }
        if (meeting.onAgenda(request.caseId())) {
            throw access.rejected(who, meetingId, "meeting.agenda.add", "already-on-agenda", new ConflictProblem(
                    "already-on-agenda", "The case is already on the agenda."));
        }
        Meeting.Item item = new Meeting.Item(request.caseId(), AgendaSection.ADDED, true,
                sealer.seal(meetingId, request.caseId(), MinutesStore.AGENDA_REASON, request.reason().strip()),
                who.subject(), access.now(), false, null);
        Meeting after = meetings.update(meetingId, m -> m.withItem(item));
        access.audited(AuditEvent.of(who, "meeting.agenda.add", AuditEvent.Outcome.SUCCESS, meetingId, request.caseId()));
        alerts.putOnAgenda(who, request.caseId(), meetingId);
        return access.view(who, after);
    }

    MeetingResponse remove(HubPrincipal who, String meetingId, String caseId, RemoveFromAgendaRequest request) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_MANAGE, "meeting.agenda.remove");
        Meeting.Item item = meeting.item(caseId).filter(i -> !i.removed()).orElseThrow(() -> access.rejected(who,
                meetingId, "meeting.agenda.remove", "not-on-agenda", new NotFoundProblem("The case on this agenda")));
        Meeting.Item removed = new Meeting.Item(caseId, item.section(), true, item.reason(), who.subject(), access.now(),
                true, sealer.seal(meetingId, caseId, MinutesStore.AGENDA_REMOVED_REASON, request.reason().strip()));
        Meeting after = meetings.update(meetingId, m -> m.withItem(removed));
        access.audited(AuditEvent.of(who, "meeting.agenda.remove", AuditEvent.Outcome.SUCCESS, meetingId, caseId));
        return access.view(who, after);
    }

    private Meeting build(HubPrincipal who, Meeting meeting) {
        List<Meeting.Item> automatic = builder.automaticItems(meeting, who.subject(), access.now());
        AtomicReference<List<String>> added = new AtomicReference<>(List.of());
        Meeting after = meetings.update(meeting.id(), m -> m.withAgenda(agenda -> {
            added.set(AgendaBuilder.merge(agenda, automatic));
            return agenda;
        }));
        access.audited(AuditEvent.of(who, "meeting.agenda.build", AuditEvent.Outcome.SUCCESS, meeting.id())
                .with("added", Integer.toString(added.get().size())));
        added.get().forEach(caseId -> alerts.putOnAgenda(who, caseId, meeting.id()));
        return after;
    }
}
