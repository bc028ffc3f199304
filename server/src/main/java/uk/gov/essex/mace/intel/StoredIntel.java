package uk.gov.essex.mace.intel;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.gov.essex.mace.redaction.Marking;

/**
 * An intelligence item as stored: routing facts in the clear (case, label, owner, times, grading
 * codes), every piece of content sealed with the case's data key, every revision kept.
 */
@Document("intel_items")
record StoredIntel(
        @Id String id,
        String caseId,
        long seq,
        String owningAgency,
        String author,
        String label,
        Marking marking,
        IntelCategory category,
        Instant sharedAt,
        Instant observedAt,
        Integer sourceEvaluation,
        String intelligenceAssessment,
        String handlingCode,
        byte[] conditionsSealed,
        Status status,
        int currentRevision,
        Withdrawal withdrawal,
        List<Revision> revisions) {

    StoredIntel {
        revisions = List.copyOf(revisions);
    }

    /** Whether the item stands or was withdrawn by its author. */
    enum Status { ACTIVE, WITHDRAWN }

    Revision revision(int number) {
        return revisions.stream().filter(r -> r.revision() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("no revision " + number));
    }

    Revision current() {
        return revision(currentRevision);
    }

    /** One revision of the content. */
    record Revision(int revision, Instant revisedAt, String revisedBy, List<Part> parts, byte[] locationSealed,
            byte[] personsSealed) {

        Revision {
            parts = List.copyOf(parts);
        }
    }

    /** A piece of the text: {@code label} null for the item's own label, else a stricter segment label. */
    record Part(String label, byte[] sealed) {}

    /** Who withdrew the item, when, and why (sealed). */
    record Withdrawal(Instant at, String by, byte[] reasonSealed) {}
}
