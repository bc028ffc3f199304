package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * A MACE Part 1 meeting with its agenda, per-child minutes (sealed, every revision kept) and
 * actions: one document,
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
     * One child on the agenda. The coordinator's reasons are free text that may name the child or a
     * source, so they are kept sealed ({@link MinutesStore}) and opened only for a viewer who may
     * read the case.
     *
     * @param manual put on or taken off by the coordinator (the automatic build leaves it alone)
     * @param reason why the coordinator put it on, sealed; {@code null} for automatic items
     * @param removedReason why the coordinator took it off, sealed; {@code null} unless removed
     */
    record Item(String caseId, AgendaSection section, boolean manual, byte[] reason, String by, Instant at,
            boolean removed, byte[] removedReason) {}

    /**
     * One revision of the minutes for one child, under a handling label like an intelligence item,
     * kept as sealed parts (plain text and restricted segments separately, each bound to meeting,
     * case, revision, position and labels), so a part a viewer may not see is never opened for them.
     * Recording minutes again adds a revision; none is ever replaced, and all share the first one's
     * label, so whoever may read one may read them all.
     *
     * @param revision 1 for the first minutes, one more for each correction
     * @param label the minutes' handling label
     * @param agency the recorder's agency (named in placeholders)
     */
    record Minutes(String caseId, int revision, String label, String agency, List<Part> parts, String recordedBy,
            Instant recordedAt) {

        Minutes {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One sealed part of a labelled text.
     *
     * @param label {@code null} for text under the record's own label, else a stricter segment label
     * @param field the field it is sealed under, derived from position and labels (never stored)
     */
    record Part(String label, String field, byte[] sealed) {}

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

    /** The case's current minutes: the latest revision. */
    Optional<Minutes> minutesFor(String caseId) {
        return minutes.stream().filter(m -> m.caseId().equals(caseId)).max(Comparator.comparingInt(Minutes::revision));
    }

    /** Every revision of the case's minutes, the first first. */
    List<Minutes> minutesRevisions(String caseId) {
        return minutes.stream().filter(m -> m.caseId().equals(caseId))
                .sorted(Comparator.comparingInt(Minutes::revision)).toList();
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

    /** The meeting with one more revision of a child's minutes; earlier revisions stay as they are. */
    Meeting withMinutes(Minutes recorded) {
        int next = minutesFor(recorded.caseId()).map(Minutes::revision).orElse(0) + 1;
        if (recorded.revision() != next) {
            throw new IllegalStateException("minutes revision " + recorded.revision() + " where " + next + " is next");
        }
        List<Minutes> all = new ArrayList<>(minutes);
        all.add(recorded);
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, agenda, all, actions);
    }

    Meeting withAction(Task task) {
        List<Task> all = new ArrayList<>(actions);
        all.removeIf(a -> a.id().equals(task.id()));
        all.add(task);
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, agenda, minutes, all);
    }

    /** How many agenda items, minutes revisions and actions concern the case. */
    int entriesFor(String caseId) {
        return (int) (agenda.stream().filter(i -> i.caseId().equals(caseId)).count()
                + minutes.stream().filter(m -> m.caseId().equals(caseId)).count()
                + actions.stream().filter(a -> a.caseId().equals(caseId)).count());
    }

    /** The meeting with every agenda item, minutes revision and action of the case taken out (the case was erased). */
    Meeting withoutCase(String caseId) {
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy,
                agenda.stream().filter(i -> !i.caseId().equals(caseId)).toList(),
                minutes.stream().filter(m -> !m.caseId().equals(caseId)).toList(),
                actions.stream().filter(a -> !a.caseId().equals(caseId)).toList());
    }

    Meeting withAgenda(UnaryOperator<List<Item>> change) {
        return new Meeting(id, rev, quadrant, date, createdAt, createdBy, change.apply(new ArrayList<>(agenda)),
                minutes, actions);
    }
}
