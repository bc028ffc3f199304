package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;

/** Builds risk request bodies: a test changes only the field it cares about. */
public final class RiskRequests {

    private RiskRequests() {}

    public static Episode anEpisode() {
        return new Episode();
    }

    public static Assessment anAssessment() {
        return new Assessment();
    }

    public static Indicator anIndicator() {
        return new Indicator();
    }

    /** A missing episode report (or correction, with {@link #version} and {@link #reason}). */
    public static final class Episode {
        private String startedAt = Instant.now().minusSeconds(3600).toString();
        private String returnedAt;
        private String whereFound;
        private Boolean returnHomeInterview;
        private Integer version;
        private String reason;

        public Episode startedAt(Instant value) {
            startedAt = value == null ? null : value.toString();
            return this;
        }

        public Episode returnedAt(Instant value) {
            returnedAt = value == null ? null : value.toString();
            return this;
        }

        public Episode whereFound(String value) {
            whereFound = value;
            return this;
        }

        public Episode returnHomeInterview(Boolean value) {
            returnHomeInterview = value;
            return this;
        }

        public Episode version(int value) {
            version = value;
            return this;
        }

        public Episode reason(String value) {
            reason = value;
            return this;
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            field(b, "version", version);
            field(b, "startedAt", startedAt);
            field(b, "returnedAt", returnedAt);
            field(b, "whereFound", whereFound);
            field(b, "returnHomeInterview", returnHomeInterview);
            field(b, "reason", reason);
            return b.append('}').toString();
        }
    }

    /** A Risk in the Community Record assessment. */
    public static final class Assessment {
        private String level = "HIGH";
        private String exploitationType = "CCE";
        private Boolean knownToBeExploited = true;
        private String assessedOn = LocalDate.now().minusDays(1).toString();
        private String nextReviewOn = LocalDate.now().plusMonths(3).toString();

        public Assessment level(String value) {
            level = value;
            return this;
        }

        public Assessment knownToBeExploited(Boolean value) {
            knownToBeExploited = value;
            return this;
        }

        public Assessment assessedOn(LocalDate value) {
            assessedOn = value == null ? null : value.toString();
            return this;
        }

        public Assessment nextReviewOn(LocalDate value) {
            nextReviewOn = value == null ? null : value.toString();
            return this;
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            field(b, "level", level);
            field(b, "exploitationType", exploitationType);
            field(b, "knownToBeExploited", knownToBeExploited);
            field(b, "assessedOn", assessedOn);
            field(b, "nextReviewOn", nextReviewOn);
            return b.append('}').toString();
        }
    }

    /** An exploitation indicator. */
    public static final class Indicator {
        private String indicator = "MULTIPLE_PHONES_OR_SIMS";
        private String observedOn = LocalDate.now().minusDays(2).toString();
        private String sourceNote = "Seen by a school nurse";
        private String label;

        public Indicator indicator(String value) {
            indicator = value;
            return this;
        }

        public Indicator observedOn(LocalDate value) {
            observedOn = value == null ? null : value.toString();
            return this;
        }

        public Indicator sourceNote(String value) {
            sourceNote = value;
            return this;
        }

        public Indicator label(String value) {
            label = value;
            return this;
        }

        public String json() {
            StringBuilder b = new StringBuilder("{");
            field(b, "indicator", indicator);
            field(b, "observedOn", observedOn);
            field(b, "sourceNote", sourceNote);
            field(b, "label", label);
            return b.append('}').toString();
        }
    }

    private static void field(StringBuilder b, String name, Object value) {
        if (value == null) {
            return;
        }
        if (b.length() > 1) {
            b.append(',');
        }
        b.append('"').append(name).append("\":");
        b.append(value instanceof String ? "\"" + value + "\"" : value.toString());
    }
}
