package uk.gov.essex.mace.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's {@code --name=value} arguments ({@code --flag} alone means {@code true}). */
final class BenchOptions {

    private BenchOptions() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }
}
