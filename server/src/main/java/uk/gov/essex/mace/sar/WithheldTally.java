package uk.gov.essex.mace.sar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts what an export withholds, per kind of record, label and reason. */
final class WithheldTally {

    static final String NOT_VISIBLE = "not-visible-to-exporter";
    static final String SOURCE_PROTECTION = "source-protection";
    static final String THIRD_PARTY = "third-party";

    private record Key(String record, String label, String labelName, String reason, String ask) {}

    private final Map<Key, Set<String>> seen = new LinkedHashMap<>();

    /** Counts one withheld thing; {@code id} distinguishes things (the same id twice counts once). */
    void add(String record, String label, String labelName, String reason, String ask, String id) {
        seen.computeIfAbsent(new Key(record, label, labelName, reason, ask), k -> new LinkedHashSet<>()).add(id);
    }

    boolean isEmpty() {
        return seen.isEmpty();
    }

    List<SubjectAccessExport.WithheldEntry> entries() {
        List<SubjectAccessExport.WithheldEntry> entries = new ArrayList<>();
        seen.forEach((k, ids) -> entries.add(new SubjectAccessExport.WithheldEntry(k.record(), k.label(), k.labelName(),
                k.reason(), ids.size(), k.ask())));
        return entries;
    }
}
