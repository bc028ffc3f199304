package uk.gov.essex.mace.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks places by how often they appear in intelligence locations, where missing children were
 * found and disruption updates. A named place with a postcode is that name at that postcode; a
 * mention of the same name without a postcode joins it when exactly one postcode is known for the
 * name, and otherwise stands on its own; a place with a postcode but no name counts towards
 * "unnamed places" in its postcode area ({@code CO4}); a place with neither is not counted. Only
 * places mentioned at least 5 times in the period are listed, at most {@value #LISTED}, so a place
 * named once (perhaps after a child) never appears.
 */
final class Hotspots {

    static final int LISTED = 20;
    static final int MIN_MENTIONS = Suppression.THRESHOLD;

    /** Where a mention came from. */
    enum Source { INTELLIGENCE, MISSING_FOUND, DISRUPTION }

    /** A listed place with its mentions by source in the period, and its mentions in the previous period. */
    record Hotspot(String place, String district, long intelligence, long missingFound, long disruption, long previous) {

        long total() {
            return intelligence + missingFound + disruption;
        }
    }

    private static final class Tally {
        final Map<Source, Long> current = new EnumMap<>(Source.class);
        long previous;
        /** Spellings of the name in the period: the commonest is shown. */
        final Map<String, Long> names = new HashMap<>();
        final Map<String, Long> districts = new HashMap<>();

        void merge(Tally other) {
            other.current.forEach((s, n) -> current.merge(s, n, Long::sum));
            previous += other.previous;
            other.names.forEach((k, n) -> names.merge(k, n, Long::sum));
            other.districts.forEach((k, n) -> districts.merge(k, n, Long::sum));
        }

        long total() {
            return current.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    /** Counts one mention of {@code place} in the current period ({@code previous} false) or the previous one. */
    void add(PlaceNames.Place place, String district, Source source, boolean previous) {
        String key;
        String name;
        if (place.nameKey() == null) {
            key = "area:" + place.area();
            name = "Unnamed places in " + place.area();
        } else {
            key = place.postcode() == null ? "name:" + place.nameKey() : "pc:" + place.postcode() + "|" + place.nameKey();
            name = place.name();
        }
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        if (previous) {
            tally.previous++;
        } else {
            tally.current.merge(source, 1L, Long::sum);
        }
        if (!previous) {
            tally.names.merge(name, 1L, Long::sum);
        }
        if (district != null && !district.isBlank()) {
            tally.districts.merge(district.trim(), 1L, Long::sum);
        }
    }

    /** The listed places, most mentioned first (ties by name). */
    List<Hotspot> ranked() {
        Map<String, Tally> merged = mergeNameOnly();
        List<Hotspot> listed = new ArrayList<>();
        for (Tally t : merged.values()) {
            if (t.total() >= MIN_MENTIONS) {
                listed.add(new Hotspot(mostFrequent(t.names), mostFrequent(t.districts),
                        t.current.getOrDefault(Source.INTELLIGENCE, 0L), t.current.getOrDefault(Source.MISSING_FOUND, 0L),
                        t.current.getOrDefault(Source.DISRUPTION, 0L), t.previous));
            }
        }
        listed.sort(Comparator.comparingLong(Hotspot::total).reversed().thenComparing(Hotspot::place));
        return listed.size() > LISTED ? List.copyOf(listed.subList(0, LISTED)) : List.copyOf(listed);
    }

    /** A copy of the tallies with each name-only tally joined to the one postcoded place of that name, if exactly one. */
    private Map<String, Tally> mergeNameOnly() {
        Map<String, List<String>> postcodedByName = new HashMap<>();
        tallies.keySet().stream().filter(k -> k.startsWith("pc:"))
                .forEach(k -> postcodedByName.computeIfAbsent(k.substring(k.indexOf('|') + 1), n -> new ArrayList<>()).add(k));
        Map<String, Tally> merged = new LinkedHashMap<>();
        tallies.forEach((key, tally) -> {
            List<String> joinTo = key.startsWith("name:")
                    ? postcodedByName.getOrDefault(key.substring("name:".length()), List.of())
                    : List.of();
            merged.computeIfAbsent(joinTo.size() == 1 ? joinTo.get(0) : key, k -> new Tally()).merge(tally);
        });
        return merged;
    }

    private static String mostFrequent(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .filter(Objects::nonNull)
                .orElse(null);
    }
}
