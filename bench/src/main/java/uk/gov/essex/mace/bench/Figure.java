package uk.gov.essex.mace.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One measured figure beside its baseline from the same run. A benchmark prints each figure as a
 * line {@code FIGURE <json>} on standard output; {@link BenchRunner} collects them into one table.
 *
 * @param bench the benchmark that measured it
 * @param name what was measured
 * @param value the figure
 * @param unit its unit
 * @param baseline what it is compared with (null: no baseline, e.g. an error count)
 * @param baselineValue the baseline's figure, in the same unit (NaN when there is none)
 * @param higherIsBetter whether a bigger value is better (throughput) or worse (latency, memory)
 */
public record Figure(String bench, String name, double value, String unit, String baseline, double baselineValue,
        boolean higherIsBetter) {

    static final String PREFIX = "FIGURE ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The figure as a multiple of its baseline (NaN without one). */
    public double ratio() {
        return baseline == null || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }

    /** A throughput-like figure beside its baseline. */
    public static void higher(String bench, String name, double value, String unit, String baseline, double baselineValue) {
        new Figure(bench, name, value, unit, baseline, baselineValue, true).print();
    }

    /** A latency- or size-like figure beside its baseline. */
    public static void lower(String bench, String name, double value, String unit, String baseline, double baselineValue) {
        new Figure(bench, name, value, unit, baseline, baselineValue, false).print();
    }

    /** A figure with no baseline (a count that must be zero, an absolute size). */
    public static void alone(String bench, String name, double value, String unit) {
        new Figure(bench, name, value, unit, null, Double.NaN, false).print();
    }

    void print() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", bench);
        json.put("name", name);
        json.put("value", round(value));
        json.put("unit", unit);
        json.put("baseline", baseline);
        json.put("baselineValue", Double.isNaN(baselineValue) ? null : round(baselineValue));
        json.put("ratio", Double.isNaN(ratio()) ? null : round(ratio()));
        json.put("higherIsBetter", higherIsBetter);
        System.out.println(PREFIX + JSON.writeValueAsString(json));
        System.out.flush();
    }

    static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }
}
