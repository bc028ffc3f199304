package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A MACE Part 1 meeting with its agenda, per-child minutes (sealed) and actions: one document,
 * changed by compare-and-set on {@code rev}. Its id is {@code QUADRANT-date}: one meeting per
 * quadrant per day.
 */
record Meeting(
        String id,
        long rev,
        Quadrant quadrant,
        LocalDate date,
        Instant createdAt,
        String createdBy,
        List<Item> agenda,
        List<Minutes> minutes,
        List<Task> actions) {

    Meeting {
        agenda = List.copyOf(agenda);
        minutes = List.copyOf(minutes);
        actions = List.copyOf(actions);
    }

    static String idFor(Quadrant quadrant, LocalDate date) {
        return quadrant.name() + "-" + date;
    }

    /**
     * One child on the agenda.
     *
     * @param manual put on or taken off by the coordinator (the automatic build leaves it alone)
     */
    record Item(String caseId, AgendaSection section, boolean manual, String reason, String by, Instant at,
            boolean removed, String removedReason) {}

    /** The minutes for one child, sealed with the meeting, case and field as associated data. */
    record Minutes(String caseId, byte[] sealed, String recordedBy, Instant recordedAt) {}

    /** A decision or action for one child; the description is sealed like the minutes. */
    record Task(String id, String caseId, ActionKind kind, ActionType type, byte[] description, String ownerAgency,
            LocalDate dueDate, ActionStatus status, String recordedBy, Instant recordedAt, String updatedBy,
            Instant updatedAt) {}

    Optional<Item> item(String caseId) {
        return agenda.stream().filter(i -> i.caseId().equals(caseId)).findFirst();
    }

    boolean onAgenda(String caseId) {
        return item(caseId).map(i -> !i.removed()).orElse(false);
    }

    Set<String> casesOnAgenda() {
        return agenda.stream().filter(i -> !i.removed()).map(Item::caseId).collect(Collectors.toSet());
    }

    Optional<Minutes> minutesFor(String caseId) {
        return minutes.stream().filter(m -> m.caseId().equals(caseId)).findFirst();
    }

    Optional<Task> action(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    Meeting withItem(Item item) {
        List<Item> all = new ArrayList<>(agenda);
        all.removeIf(i -> i.caseId().equals(item.caseId()));
        all.add(item);
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, all, minutes, actions);
    }

    Meeting withMinutes(Minutes recorded) {
        List<Minutes> all = new ArrayList<>(minutes);
        all.removeIf(m -> m.caseId().equals(recorded.caseId()));
        all.add(recorded);
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, agenda, all, actions);
    }

    Meeting withAction(Task task) {
        List<Task> all = new ArrayList<>(actions);
        all.removeIf(a -> a.id().equals(task.id()));
        all.add(task);
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, agenda, minutes, all);
    }

    Meeting withAgenda(UnaryOperator<List<Item>> change) {
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, change.apply(new ArrayList<>(agenda)),
                minutes, actions);
    }
}
