package uk.gov.essex.mace.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.redaction.Redactor;
import uk.gov.essex.mace.redaction.Segment;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;
import uk.gov.essex.mace.system.NotFoundProblem;

/**
 * What every meeting operation shares: find the meeting (404 audited), ask the policy decision
 * point about its quadrant, and project it (or a child's minutes revisions) for a viewer, opening
 * the sealed minutes only for the cases the viewer may read.
 */
@Component
class MeetingAccess {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Meetings meetings;
    private final MinutesStore minutes;
    private final CaseLookup cases;
    private final PolicyDecisionPoint policy;
    private final Redactor redactor;
    private final AuditTrail audit;
    private final Clock clock;

    MeetingAccess(Meetings meetings, MinutesStore minutes, CaseLookup cases, PolicyDecisionPoint policy,
            Redactor redactor, AuditTrail audit, Clock clock) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.cases = cases;
        this.policy = policy;
        this.redactor = redactor;
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
        return readable(who, caseId).isPresent();
    }

    /** The case's facts when {@code who} may read it. */
    Optional<CaseFacts> readable(HubPrincipal who, String caseId) {
        return cases.facts(caseId).filter(f -> policy.permits(who, Action.CASE_READ, f));
    }

    /**
     * The meeting as {@code who} may see it: items of cases they may not read are left out (and
     * counted); reasons, minutes and actions are opened only for the cases they may read, and the
     * minutes only as far as their labels admit the viewer, as for intelligence.
     */
    MeetingResponse view(HubPrincipal who, Meeting meeting) {
        List<AgendaItemResponse> items = new ArrayList<>();
        int withheld = 0;
        for (Meeting.Item item : meeting.agenda()) {
            Optional<CaseFacts> facts = readable(who, item.caseId());
            if (facts.isEmpty()) {
                withheld++;
                continue;
            }
            items.add(item(who, facts.get(), meeting, item, Set.of()));
        }
        return new MeetingResponse(meeting.id(), meeting.quadrant(), meeting.date(), meeting.createdAt(),
                meeting.createdBy(), items, withheld);
    }

    /**
     * One child on the agenda, with reasons, current minutes and actions, for a viewer who may read
     * the case ({@code facts}); minutes under a label in {@code alsoWithheld} are withheld even
     * where the viewer could read them (a subject access export).
     */
    AgendaItemResponse item(HubPrincipal who, CaseFacts facts, Meeting meeting, Meeting.Item item, Set<String> alsoWithheld) {
        MinutesView minutesView = meeting.minutesFor(item.caseId())
                .map(m -> minutes(who, facts, meeting, m, alsoWithheld)).orElse(MinutesView.NONE);
        List<ActionResponse> actions = meeting.actions().stream().filter(a -> a.caseId().equals(item.caseId()))
                .map(a -> action(meeting, a)).toList();
        return new AgendaItemResponse(item.caseId(), item.section(), item.manual(),
                minutes.openOptional(meeting.id(), item.caseId(), MinutesStore.AGENDA_REASON, item.reason()),
                item.by(), item.at(), item.removed(),
                minutes.openOptional(meeting.id(), item.caseId(), MinutesStore.AGENDA_REMOVED_REASON, item.removedReason()),
                minutesView.text(), minutesView.parts(), minutesView.label(), minutesView.withheld(),
                minutesView.revision(), actions);
    }

    /**
     * Every revision of a child's minutes, the first first, as {@code who} may read them: the same
     * decision and redaction as the current minutes in {@link #view}. Empty unless the viewer may
     * read the case and the minutes' label admits them to the text (all revisions share one label),
     * so a viewer shown a placeholder or nothing learns neither the text nor how often it changed.
     */
    List<MinutesRevisionResponse> minutesRevisions(HubPrincipal who, Meeting meeting, String caseId) {
        return readable(who, caseId).map(facts -> minutesRevisions(who, facts, meeting, Set.of())).orElse(List.of());
    }

    /** As {@link #minutesRevisions(HubPrincipal, Meeting, String)}, for a viewer who may read the case. */
    List<MinutesRevisionResponse> minutesRevisions(HubPrincipal who, CaseFacts facts, Meeting meeting,
            Set<String> alsoWithheld) {
        String caseId = facts.caseId();
        Optional<Meeting.Minutes> current = meeting.minutesFor(caseId);
        if (current.isEmpty()) {
            return List.of();
        }
        List<MinutesRevisionResponse> revisions = new ArrayList<>();
        for (Meeting.Minutes m : meeting.minutesRevisions(caseId)) {
            MinutesView seen = minutes(who, facts, meeting, m, alsoWithheld);
            if (seen.text() != null) {
                revisions.add(new MinutesRevisionResponse(m.revision(), m.revision() == current.get().revision(),
                        seen.label(), seen.text(), seen.parts(), m.agency(), m.recordedBy(), m.recordedAt()));
            }
        }
        return List.copyOf(revisions);
    }

    /** What one viewer sees of a child's minutes; the revision only with the text. */
    private record MinutesView(String text, List<TextPart> parts, String label, WithheldResponse withheld,
            Integer revision) {
        static final MinutesView NONE = new MinutesView(null, null, null, null, null);
    }

    private MinutesView minutes(HubPrincipal who, CaseFacts facts, Meeting meeting, Meeting.Minutes m,
            Set<String> alsoWithheld) {
        String owner = m.agency() == null ? "" : m.agency();
        switch (redactor.visibility(who, facts, m.label(), alsoWithheld)) {
            case NOTHING -> {
                return MinutesView.NONE;
            }
            case PLACEHOLDER -> {
                return new MinutesView(null, null, m.label(), redactor.placeholder(m.label(), owner), null);
            }
            default -> {
                List<Segment> segments = m.parts().stream().map(p -> new Segment(p.label(),
                        () -> minutes.openMinutes(meeting.id(), m, p))).toList();
                List<TextPart> parts = redactor.redact(who, facts, segments, owner, alsoWithheld);
                return new MinutesView(Redactor.flatten(parts), parts, m.label(), null, m.revision());
            }
        }
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
