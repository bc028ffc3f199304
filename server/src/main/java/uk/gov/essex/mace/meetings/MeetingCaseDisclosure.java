package uk.gov.essex.mace.meetings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/** {@link MeetingDisclosure} through {@link MeetingAccess}, the projection every meeting read uses. */
@Component
class MeetingCaseDisclosure implements MeetingDisclosure {

    private final Meetings meetings;
    private final MeetingAccess access;
    private final PolicyDecisionPoint policy;

    MeetingCaseDisclosure(Meetings meetings, MeetingAccess access, PolicyDecisionPoint policy) {
        this.meetings = meetings;
        this.access = access;
        this.policy = policy;
    }

    @Override
    public List<CaseAtMeeting> disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld) {
        if (!policy.permits(who, Action.CASE_READ, facts)) {
            return List.of();
        }
        List<CaseAtMeeting> found = new ArrayList<>();
        List<Meeting> referencing = meetings.referencing(facts.caseId()).stream()
                .sorted(Comparator.comparing(Meeting::date).thenComparing(Meeting::id)).toList();
        for (Meeting meeting : referencing) {
            Optional<Meeting.Item> item = meeting.item(facts.caseId());
            if (item.isEmpty()) {
                continue; // minutes and actions are only ever recorded for a child on the agenda
            }
            if (!policy.permits(who, Action.MEETING_READ, meeting.quadrant())) {
                found.add(new CaseAtMeeting(meeting.id(), meeting.quadrant(), meeting.date(), null, List.of()));
                continue;
            }
            found.add(new CaseAtMeeting(meeting.id(), meeting.quadrant(), meeting.date(),
                    access.item(who, facts, meeting, item.get(), alsoWithheld),
                    access.minutesRevisions(who, facts, meeting, alsoWithheld)));
        }
        return List.copyOf(found);
    }
}
