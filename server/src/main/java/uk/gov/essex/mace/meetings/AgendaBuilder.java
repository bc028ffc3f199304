package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.alerts.MaceStanding;
import uk.gov.essex.mace.alerts.MaceStandings;
import uk.gov.essex.mace.cases.CaseLookup;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * Builds a meeting's automatic agenda from the criteria standings of its quadrant's cases,
 * measured against the previous meeting of the quadrant: NEW if not on its agenda, CONTINUING if
 * on it, STEP_DOWN_REVIEW if the case no longer meets the criteria but was discussed as meeting
 * them last time, or left them since the previous meeting's day (with no previous meeting: in the
 * month before). Items the coordinator added or removed are never touched.
 */
@Component
class AgendaBuilder {

    private final MaceStandings standings;
    private final CaseLookup cases;
    private final Meetings meetings;

    AgendaBuilder(MaceStandings standings, CaseLookup cases, Meetings meetings) {
        this.standings = standings;
        this.cases = cases;
        this.meetings = meetings;
    }

    /** The automatic items the meeting should have now, in agenda order. */
    List<Meeting.Item> automaticItems(Meeting meeting, String by, Instant now) {
        Optional<Meeting> previous = meetings.inQuadrant(meeting.quadrant()).stream()
                .filter(m -> m.date().isBefore(meeting.date()))
                .max(Comparator.comparing(Meeting::date));
        Instant since = previous.map(Meeting::date).orElse(meeting.date().minusMonths(1))
                .atStartOfDay(MeetingAccess.LONDON).toInstant();
        Set<String> discussed = previous.map(Meeting::casesOnAgenda).orElse(Set.of());
        Set<String> discussedInCriteria = previous.map(AgendaBuilder::inCriteriaLastTime).orElse(Set.of());
        List<Meeting.Item> items = new ArrayList<>();
        for (MaceStanding standing : standings.standings(Instant.EPOCH)) {
            boolean due = standing.inCriteria() || discussedInCriteria.contains(standing.caseId())
                    || (standing.leftAt() != null && !standing.leftAt().isBefore(since));
            if (!due || !cases.facts(standing.caseId()).map(CaseFacts::quadrant)
                    .filter(q -> q == meeting.quadrant()).isPresent()) {
                continue;
            }
            AgendaSection section = !standing.inCriteria() ? AgendaSection.STEP_DOWN_REVIEW
                    : discussed.contains(standing.caseId()) ? AgendaSection.CONTINUING : AgendaSection.NEW;
            items.add(new Meeting.Item(standing.caseId(), section, false, null, by, now, false, null));
        }
        items.sort(Comparator.comparing(Meeting.Item::section).thenComparing(Meeting.Item::caseId));
        return items;
    }

    private static Set<String> inCriteriaLastTime(Meeting previous) {
        return previous.agenda().stream()
                .filter(i -> !i.removed() && i.section() != AgendaSection.STEP_DOWN_REVIEW)
                .map(Meeting.Item::caseId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Merges automatic items into the agenda; returns the ids of cases newly put on it. */
    static List<String> merge(List<Meeting.Item> agenda, List<Meeting.Item> automatic) {
        List<String> added = new ArrayList<>();
        for (Meeting.Item item : automatic) {
            Optional<Meeting.Item> existing = agenda.stream().filter(i -> i.caseId().equals(item.caseId())).findFirst();
            if (existing.isEmpty()) {
                agenda.add(item);
                added.add(item.caseId());
            } else if (!existing.get().manual() && existing.get().section() != item.section()) {
                agenda.set(agenda.indexOf(existing.get()), new Meeting.Item(item.caseId(), item.section(), false, null,
                        existing.get().by(), existing.get().at(), false, null));
            }
        }
        return added;
    }
}
