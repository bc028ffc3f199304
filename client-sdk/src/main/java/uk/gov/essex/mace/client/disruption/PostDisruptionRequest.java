package uk.gov.essex.mace.client.disruption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.gov.essex.mace.client.intel.Marking;

/**
 * Posts a disruption update. Build with {@link #builder()}; {@link Builder#build()} checks that the
 * required fields are there, the hub checks the rest (a known Essex district, a date not in the
 * future, a UK postcode, a label the poster could read, linked cases the poster may read).
 *
 * @param type what was done
 * @param place where it took place
 * @param date when it took place; not in the future
 * @param outcome what came of it, e.g. "premises licence reviewed; staff briefed" (up to 2000 characters)
 * @param linkedCaseIds cases it concerns (up to 20); the poster must be able to read each
 * @param text optional further detail (up to 64 KB)
 * @param label the handling label id, e.g. {@code all-members}, {@code police-only}
 * @param marking the GSC marking
 */
public record PostDisruptionRequest(DisruptionType type, DisruptionPlace place, LocalDate date, String outcome,
        List<String> linkedCaseIds, String text, String label, Marking marking) {

    public PostDisruptionRequest {
        linkedCaseIds = linkedCaseIds == null || linkedCaseIds.isEmpty() ? null : List.copyOf(linkedCaseIds);
    }

    /** Starts a request: label {@code all-members} and marking OFFICIAL-SENSITIVE unless set. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "PostDisruptionRequest[type=" + type + ", label=" + label + "]";
    }

    /** Builds a {@link PostDisruptionRequest}; a caller sets only what it has. */
    public static final class Builder {
        private DisruptionType type;
        private DisruptionPlace place;
        private LocalDate date;
        private String outcome;
        private final List<String> linkedCaseIds = new ArrayList<>();
        private String text;
        private String label = "all-members";
        private Marking marking = Marking.OFFICIAL_SENSITIVE;

        private Builder() {}

        public Builder type(DisruptionType type) {
            this.type = type;
            return this;
        }

        public Builder place(DisruptionPlace place) {
            this.place = place;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        /** Links the update to a case (call once per case). */
        public Builder linkedCase(String caseId) {
            linkedCaseIds.add(Objects.requireNonNull(caseId, "caseId"));
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder marking(Marking marking) {
            this.marking = marking;
            return this;
        }

        /** The request; {@link IllegalStateException} naming the first missing required field. */
        public PostDisruptionRequest build() {
            require(type, "type");
            require(place, "place");
            require(date, "date");
            require(outcome == null || outcome.isBlank() ? null : outcome, "outcome");
            require(label == null || label.isBlank() ? null : label, "label");
            require(marking, "marking");
            return new PostDisruptionRequest(type, place, date, outcome, linkedCaseIds, text, label, marking);
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new IllegalStateException(field + " is required");
            }
        }
    }
}
