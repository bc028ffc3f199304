package uk.gov.essex.mace.sar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * What one export withholds, one entry per thing (the same kind and id twice is one thing), and the
 * release of labelled text that records its withheld segments as it goes.
 */
final class WithheldList {

    static final String NOT_VISIBLE = "not-visible-to-exporter";
    static final String SOURCE_PROTECTION = "source-protection";
    static final String THIRD_PARTY = "third-party";
    static final String REDACTED = "[redacted]";

    private final Predicate<String> sourceProtecting;
    private final Map<String, SubjectAccessExport.WithheldEntry> entries = new LinkedHashMap<>();

    /** @param sourceProtecting true for labels that withhold even the existence of their content */
    WithheldList(Predicate<String> sourceProtecting) {
        this.sourceProtecting = sourceProtecting;
    }

    /** A whole record, or a segment, the exporter saw only as {@code placeholder}. */
    void labelled(String kind, String id, WithheldResponse placeholder) {
        boolean protectedSource = sourceProtecting.test(placeholder.label());
        add(new SubjectAccessExport.WithheldEntry(kind, id, protectedSource ? SOURCE_PROTECTION : NOT_VISIBLE,
                placeholder.label(), placeholder.labelName(), protectedSource ? null : placeholder.ask()));
    }

    /** A person other than the child, e.g. a person of interest. */
    void thirdParty(String kind, String id) {
        add(new SubjectAccessExport.WithheldEntry(kind, id, THIRD_PARTY, null, null, null));
    }

    /** A member of staff's name, where the record names one ({@code name} not null): the agency stays. */
    void staffName(String id, String name) {
        if (name != null) {
            thirdParty("staff-name", id);
        }
    }

    void add(SubjectAccessExport.WithheldEntry entry) {
        entries.putIfAbsent(entry.kind() + " " + entry.id(), entry);
    }

    /**
     * The text to release from a projection's parts: a segment the exporter could not read becomes
     * {@code [redacted]}; a source-protected one leaves no mark, as its label requires. Each is listed
     * as {@code text-segment} {@code <id>/part/<n>}.
     */
    String release(List<TextPart> parts, String id) {
        if (parts == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            TextPart part = parts.get(i);
            if (part.text() != null) {
                text.append(part.text());
                continue;
            }
            labelled("text-segment", id + "/part/" + i, part.withheld());
            if (!sourceProtecting.test(part.withheld().label())) {
                text.append(REDACTED);
            }
        }
        return text.toString();
    }

    List<SubjectAccessExport.WithheldEntry> entries() {
        return List.copyOf(entries.values());
    }
}
