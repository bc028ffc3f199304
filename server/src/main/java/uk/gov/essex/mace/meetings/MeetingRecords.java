package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.redaction.LabelRules;
import uk.gov.essex.mace.redaction.SegmentMarkup;
import uk.gov.essex.mace.system.ConflictProblem;
import uk.gov.essex.mace.system.InvalidRequestProblem;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * What a meeting records per child: minutes (sealed, every revision kept), and decisions and
 * actions with owner agency, due date and status; and the coordinator's list of overdue actions.
 */
@Service
class MeetingRecords {

    private final Meetings meetings;
    private final MeetingAccess access;
    private final MinutesStore sealer;
    private final Partnership partnership;
    private final PolicyDecisionPoint policy;
    private final CaseLookup cases;
    private final LabelRules labels;
    private final Labels configured;

    MeetingRecords(Meetings meetings, MeetingAccess access, MinutesStore sealer, Partnership partnership,
            PolicyDecisionPoint policy, CaseLookup cases, LabelRules labels, Labels configured) {
        this.meetings = meetings;
        this.access = access;
        this.sealer = sealer;
        this.partnership = partnership;
        this.policy = policy;
        this.cases = cases;
        this.labels = labels;
        this.configured = configured;
    }

    /**
     * Records a child's minutes under a handling label (all-members when none is given), checked as
     * an intelligence item's label and restricted segments are: a label the recorder could not read
     * is refused. Recording them again is a correction: it adds a revision under the first one's
     * label (a correction names no other label) and keeps every earlier revision, so nothing
     * minuted is lost to an edit. Minutes are never recorded under a label that hides its records'
     * existence ({@code police-source-protected}): a correction's refusal would reveal them.
     */
    AgendaItemResponse recordMinutes(HubPrincipal who, String meetingId, String caseId, MinutesRequest request) {
        String action = "meeting.minutes.record";
        Meeting meeting = onAgenda(who, meetingId, caseId, action);
        CaseFacts facts = cases.facts(caseId).orElseThrow(() -> access.rejected(who, meetingId, action, "not-found",
                new NotFoundProblem("The case")));
        Optional<Meeting.Minutes> earlier = meeting.minutesFor(caseId);
        HandlingLabel label;
        List<SegmentMarkup.Piece> pieces;
        try {
            String asked = request.label() != null ? request.label() : earlier.map(Meeting.Minutes::label).orElse(null);
            if (asked != null && configured.find(asked).map(l -> l.withheld() == HandlingLabel.Withheld.NOTHING).orElse(false)) {
                // Minutes are the panel's record: every reader who may not see them is shown a
                // placeholder. Under a label that hides even that, a correction's refusal would tell
                // a meeting manager outside it that hidden minutes exist. Refused for everyone alike.
                throw new InvalidRequestProblem("label-not-for-minutes", "Minutes cannot be recorded under a label that "
                        + "hides their existence; share source-protected material as intelligence.",
                        Map.of("label", "hides-existence"));
            }
            label = labels.labelOrAllMembers(who, facts, asked, "label");
            pieces = labels.segments(who, facts, label, request.text(), "text");
        } catch (InvalidRequestProblem e) {
            throw access.rejected(who, meetingId, action, e.slug(), e);
        }
        if (earlier.isPresent() && !earlier.get().label().equals(label.id())) {
            throw labelFixed(who, meetingId, action);
        }
        Instant now = access.now();
        AtomicReference<Meeting.Minutes> recorded = new AtomicReference<>();
        Meeting after = meetings.update(meetingId, m -> {
            Optional<Meeting.Minutes> latest = m.minutesFor(caseId);
            if (latest.isPresent() && !latest.get().label().equals(label.id())) {
                throw labelFixed(who, meetingId, action); // first minutes under another label came in meanwhile
            }
            int revision = latest.map(Meeting.Minutes::revision).orElse(0) + 1;
            recorded.set(new Meeting.Minutes(caseId, revision, label.id(), who.agencyId(),
                    sealer.sealMinutes(meetingId, caseId, revision, label.id(), pieces), who.subject(), now));
            return m.withMinutes(recorded.get());
        });
        access.audited(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, caseId, meetingId)
                .with("revision", Integer.toString(recorded.get().revision()))
                .with("label", label.id())
                .with("segments", Long.toString(pieces.stream().filter(p -> p.label() != null).count())));
        return item(who, after, caseId);
    }

    private ConflictProblem labelFixed(HubPrincipal who, String meetingId, String action) {
        return access.rejected(who, meetingId, action, "minutes-label-fixed", new ConflictProblem("minutes-label-fixed",
                "A correction keeps the label the minutes were first recorded under; leave the label out."));
    }

    /**
     * Every revision of a child's minutes, for a viewer entitled to them: one who may read the
     * meeting, the case and the minutes under their label. Anyone else gets 404, the same as for
     * a case with no minutes there, and so learns neither the text nor how many revisions exist.
     */
    List<MinutesRevisionResponse> minutesRevisions(HubPrincipal who, String meetingId, String caseId) {
        String action = "meeting.minutes.history";
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_READ, action);
        List<MinutesRevisionResponse> revisions = access.minutesRevisions(who, meeting, caseId);
        if (revisions.isEmpty()) {
            access.audited(AuditEvent.of(who, action, AuditEvent.Outcome.REJECTED, caseId, meetingId)
                    .with("reason", "not-found"));
            throw new NotFoundProblem("The minutes");
        }
        access.audited(AuditEvent.of(who, action, AuditEvent.Outcome.SUCCESS, caseId, meetingId)
                .with("revisions", Integer.toString(revisions.size())));
        return revisions;
    }

    ActionResponse recordAction(HubPrincipal who, String meetingId, String caseId, RecordActionRequest request) {
        Meeting meeting = onAgenda(who, meetingId, caseId, "meeting.action.record");
        if (partnership.agency(request.ownerAgency()).isEmpty()) {
            throw access.rejected(who, meetingId, "meeting.action.record", "unknown-agency", new InvalidRequestProblem(
                    "unknown-agency", "No such agency is configured.", Map.of("ownerAgency", "unknown")));
        }
        String id = UUID.randomUUID().toString();
        Meeting.Task task = new Meeting.Task(id, caseId, request.kind(), request.type(),
                sealer.seal(meeting.id(), caseId, "action:" + id, request.description()), request.ownerAgency(),
                request.dueDate(), ActionStatus.OPEN, who.subject(), access.now(), null, null);
        Meeting after = meetings.update(meetingId, m -> m.withAction(task));
        access.audited(AuditEvent.of(who, "meeting.action.record", AuditEvent.Outcome.SUCCESS, caseId, meetingId, id)
                .with("type", request.type().name()).with("ownerAgency", request.ownerAgency()));
        return access.action(after, task);
    }

    ActionResponse changeStatus(HubPrincipal who, String meetingId, String actionId, ActionStatusRequest request) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_MANAGE, "meeting.action.status");
        Meeting.Task task = meeting.action(actionId).orElseThrow(() -> access.rejected(who, meetingId,
                "meeting.action.status", "not-found", new NotFoundProblem("The action")));
        Meeting.Task changed = new Meeting.Task(task.id(), task.caseId(), task.kind(), task.type(), task.description(),
                task.ownerAgency(), task.dueDate(), request.status(), task.recordedBy(), task.recordedAt(),
                who.subject(), access.now());
        Meeting after = meetings.update(meetingId, m -> m.withAction(changed));
        access.audited(AuditEvent.of(who, "meeting.action.status", AuditEvent.Outcome.SUCCESS, task.caseId(), meetingId,
                actionId).with("status", request.status().name()));
        return access.action(after, changed);
    }

    /** OPEN actions past their due date in the quadrants the caller coordinates or chairs, oldest due first. */
    List<ActionResponse> overdue(HubPrincipal who) {
        List<ActionResponse> overdue = new ArrayList<>();
        for (Quadrant quadrant : who.quadrants()) {
            if (!policy.permits(who, Action.MEETING_MANAGE, quadrant)) {
                continue;
            }
            for (Meeting meeting : meetings.inQuadrant(quadrant)) {
                meeting.actions().stream()
                        .filter(a -> a.status() == ActionStatus.OPEN && a.dueDate().isBefore(access.today()))
                        .filter(a -> access.mayRead(who, a.caseId()))
                        .forEach(a -> overdue.add(access.action(meeting, a)));
            }
        }
        overdue.sort(Comparator.comparing(ActionResponse::dueDate).thenComparing(ActionResponse::id));
        access.audited(new AuditEvent(who, "meeting.action.overdue", overdue.stream().map(ActionResponse::id).toList(),
                AuditEvent.Outcome.SUCCESS, Map.of("count", Integer.toString(overdue.size()))));
        return overdue;
    }

    private Meeting onAgenda(HubPrincipal who, String meetingId, String caseId, String auditAction) {
        Meeting meeting = access.meeting(who, meetingId, Action.MEETING_MANAGE, auditAction);
        if (!meeting.onAgenda(caseId)) {
            throw access.rejected(who, meetingId, auditAction, "not-on-agenda", new InvalidRequestProblem(
                    "not-on-agenda", "The case is not on this meeting's agenda.", Map.of("caseId", "not on the agenda")));
        }
        return meeting;
    }

    private AgendaItemResponse item(HubPrincipal who, Meeting meeting, String caseId) {
        return access.view(who, meeting).agenda().stream().filter(i -> i.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("The case on this agenda"));
    }
}
