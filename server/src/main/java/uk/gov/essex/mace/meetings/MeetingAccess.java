package uk.gov.essex.mace.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * What every meeting operation shares: find the meeting (404 audited), ask the policy decision
 * point about its quadrant, and project it for a viewer, opening the sealed minutes only for the
 * cases the viewer may read.
 */
@Component
class MeetingAccess {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Meetings meetings;
    private final MinutesStore minutes;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final AuditTrail audit;
    private final Clock clock;

    MeetingAccess(Meetings meetings, MinutesStore minutes, CaseLookup cases, PolicyDecisionPoint policy,
            AuditTrail audit, Clock clock) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.cases = cases;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The meeting, once {@code who} is allowed {@code action} on its quadrant. */
    Meeting meeting(HubPrincipal who, String meetingId, Action action, String auditAction) {
        Meeting meeting = meetings.find(meetingId).orElseThrow(() -> {
            audit.append(AuditEvent.of(who, auditAction, AuditEvent.Outcome.REJECTED, meetingId).with("reason", "not-found"));
            return new NotFoundProblem("The meeting");
        });
        policy.check(who, action, meeting.quadrant());
        return meeting;
    }

    /** True when {@code who} may read the case (and so its minutes and actions). */
    boolean mayRead(HubPrincipal who, String caseId) {
        return cases.facts(caseId).map(f -> policy.permits(who, Action.CASE_READ, f)).orElse(false);
    }

    MeetingResponse view(HubPrincipal who, Meeting meeting) {
        List<AgendaItemResponse> items = new ArrayList<>();
        int withheld = 0;
        for (Meeting.Item item : meeting.agenda()) {
            if (!mayRead(who, item.caseId())) {
                withheld++;
                continue;
            }
            String text = meeting.minutesFor(item.caseId())
                    .map(m -> minutes.open(meeting.id(), item.caseId(), "minutes", m.sealed())).orElse(null);
            List<ActionResponse> actions = meeting.actions().stream().filter(a -> a.caseId().equals(item.caseId()))
                    .map(a -> action(meeting, a)).toList();
            items.add(new AgendaItemResponse(item.caseId(), item.section(), item.manual(), item.reason(), item.by(),
                    item.at(), item.removed(), item.removedReason(), text, actions));
        }
        return new MeetingResponse(meeting.id(), meeting.quadrant(), meeting.date(), meeting.createdAt(),
                meeting.createdBy(), items, withheld);
    }

    ActionResponse action(Meeting meeting, Meeting.Task a) {
        return new ActionResponse(a.id(), meeting.id(), meeting.quadrant(), a.caseId(), a.kind(), a.type(),
                minutes.open(meeting.id(), a.caseId(), "action:" + a.id(), a.description()), a.ownerAgency(),
                a.dueDate(), a.status(), a.status() == ActionStatus.OPEN && a.dueDate().isBefore(today()),
                a.recordedBy(), a.recordedAt());
    }

    <T extends RuntimeException> T rejected(HubPrincipal who, String target, String auditAction, String reason, T problem) {
        audit.append(AuditEvent.of(who, auditAction, AuditEvent.Outcome.REJECTED, target).with("reason", reason));
        return problem;
    }

    void audited(AuditEvent event) {
        audit.append(event);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }
}
