package uk.gov.essex.mace.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts by key for the current and the previous period, keys in a fixed order (every type, every
 * district, every month), so that tables always show the same rows, zeros included.
 */
final class Tally<K> {

    private final Map<K, long[]> counts = new LinkedHashMap<>();

    Tally(List<K> keys) {
        keys.forEach(k -> counts.put(k, new long[2]));
    }

    /** Counts one in the current period ({@code previous} false) or the previous one; unknown keys are ignored. */
    void add(K key, boolean previous) {
        long[] c = key == null ? null : counts.get(key);
        if (c != null) {
            c[previous ? 1 : 0]++;
        }
    }

    /** The sum over all keys, for the current period or the previous one. */
    long total(boolean previous) {
        return counts.values().stream().mapToLong(c -> c[previous ? 1 : 0]).sum();
    }

    /**
     * Registers the counts of one period as a group published with {@code total} (which may be a
     * count already published elsewhere: the same total, shared) and returns them by key.
     */
    Map<K, Count> group(Suppression suppression, Count total, boolean previous) {
        Map<K, Count> cells = new LinkedHashMap<>();
        counts.forEach((k, c) -> cells.put(k, Count.of(c[previous ? 1 : 0])));
        suppression.group(total, List.copyOf(cells.values()));
        return cells;
    }
}
