package uk.gov.essex.mace.profile;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the profile's tables from registered counts; changes are worked out here, after suppression. */
final class ProfileTables {

    private ProfileTables() {}

    static ProfileResponse.Trend trend(String key, String label, Count current, Count previous) {
        return new ProfileResponse.Trend(key, label, current, previous, Count.change(current, previous));
    }

    static ProfileResponse.Series series(Map<YearMonth, Count> current, Count total, Map<YearMonth, Count> previous,
            Count previousTotal) {
        return new ProfileResponse.Series(points(current), total, points(previous), previousTotal);
    }

    static List<ProfileResponse.Point> points(Map<YearMonth, Count> counts) {
        return counts.entrySet().stream().map(e -> new ProfileResponse.Point(e.getKey().toString(), e.getValue())).toList();
    }

    static <K> ProfileResponse.Breakdown breakdown(Map<K, Count> current, Map<K, Count> previous, Count total,
            Count previousTotal, String totalLabel) {
        List<ProfileResponse.Row> rows = current.keySet().stream().map(k -> new ProfileResponse.Row(key(k), label(k),
                current.get(k), previous.get(k), Count.change(current.get(k), previous.get(k)))).toList();
        return new ProfileResponse.Breakdown(rows,
                new ProfileResponse.Row("TOTAL", totalLabel, total, previousTotal, Count.change(total, previousTotal)));
    }

    static String key(Object k) {
        return k instanceof Enum<?> e ? e.name() : k.toString();
    }

    /** A readable label: {@code HOTEL_OR_PREMISES_CHECK} as "Hotel or premises check"; other keys as they are. */
    static String label(Object value) {
        if (!(value instanceof Enum<?> e)) {
            return value.toString();
        }
        String words = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
