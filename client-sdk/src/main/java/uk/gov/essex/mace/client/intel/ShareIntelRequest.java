package uk.gov.essex.mace.client.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares an intelligence item on a case. Build with {@link #builder()}; the required fields are
 * checked by {@link Builder#build()}, the rest by the hub.
 *
 * <p>Parts of the text may be restricted inline: {@code "Seen at the station [[police-only:with
 * a known dealer]] on Friday"}. A segment's label must be at least as strict as the item's, and
 * the sharer must be able to read every label used.
 *
 * @param text the text, up to 64 KB, with optional {@code [[label-id:restricted text]]} segments
 * @param category what the item is about
 * @param label the item's handling label id, e.g. {@code all-members}, {@code police-only}
 * @param marking the GSC marking
 * @param observedAt when the observation was made (not in the future)
 * @param location optional place
 * @param persons optional persons of interest (up to 50)
 * @param grading optional police 3x5x2 grading (police agencies only)
 */
public record ShareIntelRequest(String text, IntelCategory category, String label, Marking marking, Instant observedAt,
        Place location, List<PersonOfInterest> persons, Grading grading) {

    public ShareIntelRequest {
        persons = persons == null || persons.isEmpty() ? null : List.copyOf(persons);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ShareIntelRequest[category=" + category + ", label=" + label + "]";
    }

    /** Builds a {@link ShareIntelRequest}; a caller sets only what it has. */
    public static final class Builder {
        private String text;
        private IntelCategory category;
        private String label = "all-members";
        private Marking marking = Marking.OFFICIAL_SENSITIVE;
        private Instant observedAt;
        private Place location;
        private final List<PersonOfInterest> persons = new ArrayList<>();
        private Grading grading;

        private Builder() {}

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder category(IntelCategory category) {
            this.category = category;
            return this;
        }

        /** The handling label; default {@code all-members}. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** The marking; default {@code OFFICIAL_SENSITIVE}. */
        public Builder marking(Marking marking) {
            this.marking = marking;
            return this;
        }

        public Builder observedAt(Instant observedAt) {
            this.observedAt = observedAt;
            return this;
        }

        public Builder location(Place location) {
            this.location = location;
            return this;
        }

        public Builder person(String name, String description) {
            persons.add(new PersonOfInterest(name, description));
            return this;
        }

        public Builder grading(Grading grading) {
            this.grading = grading;
            return this;
        }

        /** @throws IllegalStateException when text, category, label, marking or observedAt is missing */
        public ShareIntelRequest build() {
            if (text == null || text.isBlank()) {
                throw new IllegalStateException("text is required");
            }
            if (category == null) {
                throw new IllegalStateException("category is required");
            }
            if (label == null || label.isBlank()) {
                throw new IllegalStateException("label is required");
            }
            if (marking == null) {
                throw new IllegalStateException("marking is required");
            }
            if (observedAt == null) {
                throw new IllegalStateException("observedAt is required");
            }
            return new ShareIntelRequest(text, category, label, marking, observedAt, location, persons, grading);
        }
    }
}
