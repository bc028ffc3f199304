package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.policy.Labels;

/**
 * The stored form of {@link Meeting}: instants as BSON dates, calendar dates as ISO strings, free
 * text (reasons, minutes, action descriptions) only as the binary that {@link MinutesStore} sealed.
 */
final class MeetingDocuments {

    private MeetingDocuments() {}

    static Document write(Meeting m, long rev) {
        return new Document("_id", m.id()).append("rev", rev).append("quadrant", m.quadrant().name())
                .append("date", m.date().toString()).append("createdAt", date(m.createdAt()))
                .append("createdBy", m.createdBy())
                .append("agenda", m.agenda().stream().map(i -> new Document("caseId", i.caseId())
                        .append("section", i.section().name()).append("manual", i.manual())
                        .append("reason", binary(i.reason())).append("by", i.by()).append("at", date(i.at()))
                        .append("removed", i.removed()).append("removedReason", binary(i.removedReason()))).toList())
                .append("minutes", m.minutes().stream().map(n -> new Document("caseId", n.caseId())
                        .append("revision", n.revision()).append("label", n.label()).append("agency", n.agency())
                        .append("parts", n.parts().stream().map(p -> new Document("label", p.label())
                                .append("sealed", new Binary(p.sealed()))).toList())
                        .append("recordedBy", n.recordedBy()).append("recordedAt", date(n.recordedAt()))).toList())
                .append("actions", m.actions().stream().map(a -> new Document("id", a.id()).append("caseId", a.caseId())
                        .append("kind", a.kind().name()).append("type", a.type().name())
                        .append("description", new Binary(a.description())).append("ownerAgency", a.ownerAgency())
                        .append("dueDate", a.dueDate().toString()).append("status", a.status().name())
                        .append("recordedBy", a.recordedBy()).append("recordedAt", date(a.recordedAt()))
                        .append("updatedBy", a.updatedBy()).append("updatedAt", date(a.updatedAt()))).toList());
    }

    static Meeting read(Document d) {
        return new Meeting(d.getString("_id"), ((Number) d.get("rev")).longValue(),
                Quadrant.valueOf(d.getString("quadrant")), LocalDate.parse(d.getString("date")),
                instant(d, "createdAt"), d.getString("createdBy"),
                list(d, "agenda").stream().map(i -> new Meeting.Item(i.getString("caseId"),
                        AgendaSection.valueOf(i.getString("section")), i.getBoolean("manual"), bytes(i, "reason"),
                        i.getString("by"), instant(i, "at"), i.getBoolean("removed"), bytes(i, "removedReason")))
                        .toList(),
                list(d, "minutes").stream().map(MeetingDocuments::minutes).toList(),
                list(d, "actions").stream().map(a -> new Meeting.Task(a.getString("id"), a.getString("caseId"),
                        ActionKind.valueOf(a.getString("kind")), ActionType.valueOf(a.getString("type")),
                        bytes(a, "description"), a.getString("ownerAgency"), LocalDate.parse(a.getString("dueDate")),
                        ActionStatus.valueOf(a.getString("status")), a.getString("recordedBy"),
                        instant(a, "recordedAt"), a.getString("updatedBy"), instant(a, "updatedAt"))).toList());
    }

    private static Meeting.Minutes minutes(Document n) {
        // Minutes recorded before they had labels: one part, shown to every reader of the case as then.
        String label = n.getString("label") == null ? Labels.ALL_MEMBERS : n.getString("label");
        // Minutes stored before they kept revisions: the only (first) revision.
        int revision = n.get("revision") instanceof Number number ? number.intValue() : 1;
        List<Meeting.Part> parts = new ArrayList<>();
        if (n.containsKey("parts")) {
            List<Document> stored = list(n, "parts");
            for (int i = 0; i < stored.size(); i++) {
                String partLabel = stored.get(i).getString("label");
                parts.add(new Meeting.Part(partLabel, MinutesStore.minutesField(i, label, partLabel),
                        bytes(stored.get(i), "sealed")));
            }
        } else {
            parts.add(new Meeting.Part(null, MinutesStore.LEGACY_MINUTES, bytes(n, "sealed")));
        }
        return new Meeting.Minutes(n.getString("caseId"), revision, label, n.getString("agency"), parts,
                n.getString("recordedBy"), instant(n, "recordedAt"));
    }

    private static Binary binary(byte[] value) {
        return value == null ? null : new Binary(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Document d, String key) {
        Object value = d.get(key);
        return value == null ? List.of() : (List<Document>) value;
    }

    private static byte[] bytes(Document d, String key) {
        Object value = d.get(key);
        if (value instanceof String) {
            // free text stored before it was sealed: there is no deployment with such data
            throw new IllegalStateException("meeting field " + key + " is not sealed");
        }
        return value instanceof Binary binary ? binary.getData() : (byte[]) value;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
