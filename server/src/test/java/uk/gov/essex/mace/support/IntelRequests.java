package uk.gov.essex.mace.support;

import java.time.Instant;

/** Builds share-intelligence request bodies: a test changes only the field it cares about. */
public final class IntelRequests {

    private String text = "Seen with older males near the station";
    private String category = "ASSOCIATES";
    private String label = "all-members";
    private String marking = "OFFICIAL_SENSITIVE";
    private String observedAt = Instant.now().minusSeconds(3600).toString();
    private String location;
    private String persons;
    private String grading;

    private IntelRequests() {}

    public static IntelRequests anItem() {
        return new IntelRequests();
    }

    public IntelRequests text(String value) {
        this.text = value;
        return this;
    }

    public IntelRequests category(String value) {
        this.category = value;
        return this;
    }

    public IntelRequests label(String value) {
        this.label = value;
        return this;
    }

    public IntelRequests observedAt(String value) {
        this.observedAt = value;
        return this;
    }

    public IntelRequests location(String placeName, String address, String postcode, String district) {
        this.location = "{\"placeName\":" + q(placeName) + ",\"address\":" + q(address) + ",\"postcode\":" + q(postcode)
                + ",\"district\":" + q(district) + "}";
        return this;
    }

    public IntelRequests person(String name, String description) {
        this.persons = "[{\"name\":" + q(name) + ",\"description\":" + q(description) + "}]";
        return this;
    }

    public IntelRequests grading(int source, String assessment, String code, String conditions) {
        this.grading = "{\"sourceEvaluation\":" + source + ",\"intelligenceAssessment\":\"" + assessment
                + "\",\"handlingCode\":\"" + code + "\",\"conditions\":" + q(conditions) + "}";
        return this;
    }

    public String json() {
        StringBuilder b = new StringBuilder("{\"text\":").append(q(text))
                .append(",\"category\":").append(q(category))
                .append(",\"label\":").append(q(label))
                .append(",\"marking\":").append(q(marking))
                .append(",\"observedAt\":").append(q(observedAt));
        if (location != null) {
            b.append(",\"location\":").append(location);
        }
        if (persons != null) {
            b.append(",\"persons\":").append(persons);
        }
        if (grading != null) {
            b.append(",\"grading\":").append(grading);
        }
        return b.append('}').toString();
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
