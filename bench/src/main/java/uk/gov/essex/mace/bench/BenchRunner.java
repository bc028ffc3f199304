package uk.gov.essex.mace.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every benchmark, each in its own JVM one after another (so none shares a JIT, heap or core
 * with another), collects the {@link Figure} lines they print, and writes one table as
 * {@code bench/results/latest.json} and {@code bench/results/latest.md} (each benchmark's full
 * output goes to {@code bench/results/logs/}). Every figure stands beside a baseline measured in
 * the same run. Run it through {@code scripts/bench}; see {@code bench/README.md}.
 *
 * <p>{@code --only=a,b} runs the named benchmarks alone; {@code --out=dir} writes elsewhere;
 * {@code --update-readme} also puts the table into README.md (between its bench markers).
 */
public final class BenchRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One benchmark: its name, main class, heap and arguments, how long it may take, and whether it
     * runs with the collector the README recommends for a hub serving live sessions.
     */
    private record Step(String name, String mainClass, String heap, List<String> args, int timeoutMinutes, boolean liveCollector) {

        Step(String name, String mainClass, String heap, List<String> args, int timeoutMinutes) {
            this(name, mainClass, heap, args, timeoutMinutes, false);
        }
    }

    /**
     * The collector {@code scripts/run-hub} starts the hub with when the JVM has it: Shenandoah,
     * under which the fan-out's stall meter saw nothing over 10 ms, where G1's young collections
     * paused the live feed for 50-130 ms (docs/web.md, sixth round).
     */
    static final String LIVE_COLLECTOR = "-XX:+UseShenandoahGC";

    private static final List<Step> STEPS = List.of(
            new Step("storage", "uk.gov.essex.mace.bench.StorageDurabilityBench", "1g",
                    List.of("8", "1500", "1500", "BACKGROUND,GROUP_COMMIT", "3"), 4),
            new Step("field-cipher", "uk.gov.essex.mace.bench.FieldCipherBench", "512m", List.of(), 3),
            new Step("intel-share", "uk.gov.essex.mace.bench.IntelShareBench", "1g", List.of("300"), 5),
            new Step("fan-out", "uk.gov.essex.mace.bench.FanOutBench", "2g",
                    List.of("--sessions=1000", "--cases=100", "--rate=200", "--seconds=15", "--rounds=5"), 12, true),
            new Step("alert-latency", "uk.gov.essex.mace.bench.AlertLatencyBench", "1g",
                    List.of("--alerts=100", "--warmup=20", "--cases=5000"), 5),
            new Step("audit", "uk.gov.essex.mace.bench.AuditBench", "10g", List.of("1000000"), 10),
            new Step("part2-profile", "uk.gov.essex.mace.bench.ProfileBench", "2g", List.of("--runs=5"), 6),
            new Step("day-in-the-life", "uk.gov.essex.mace.bench.DayInTheLifeBench", "1g",
                    List.of("--seconds=60", "--rate=20", "--sessions=1000"), 6));

    private BenchRunner() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        List<String> only = o.containsKey("only") ? List.of(o.get("only").split(",")) : null;
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out.resolve("logs"));
        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<JsonNode> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Step step : STEPS) {
            if (only != null && !only.contains(step.name())) {
                continue;
            }
            long t0 = System.nanoTime();
            System.out.printf("bench: %-16s ...", step.name());
            System.out.flush();
            int before = figures.size();
            String failure = run(step, out.resolve("logs").resolve(step.name() + ".log"), figures);
            System.out.printf(" %3.0f s, %d figures%s%n", (System.nanoTime() - t0) / 1e9, figures.size() - before,
                    failure == null ? "" : ", FAILED: " + failure);
            if (failure != null) {
                failures.add(step.name() + ": " + failure);
            }
        }
        for (JsonNode f : figures) {
            if (f.get("name").asString().startsWith("errors") && f.get("value").asDouble() != 0) {
                failures.add(f.get("bench").asString() + ": " + f.get("name").asString() + " = " + f.get("value").asString());
            }
        }
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("loadAverageBefore", Figure.round(loadBefore));
        machine.put("loadAverageAfter", Figure.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started", started.toString());
        result.put("minutes", Figure.round((Instant.now().toEpochMilli() - started.toEpochMilli()) / 60_000.0));
        result.put("commit", commit());
        result.put("machine", machine);
        if (only != null && Files.exists(out.resolve("latest.json"))) {
            // a partial run: the other benchmarks' figures stay, from the run that made them
            JsonNode previous = JSON.readTree(out.resolve("latest.json").toFile());
            List<JsonNode> kept = new ArrayList<>();
            previous.get("figures").forEach(f -> {
                if (!only.contains(f.get("bench").asString())) {
                    kept.add(f);
                }
            });
            figures.addAll(0, kept);
            List<String> order = STEPS.stream().map(Step::name).toList();
            figures.sort(java.util.Comparator.comparingInt(f -> order.indexOf(f.get("bench").asString())));
            List<String> earlier = new ArrayList<>();
            previous.path("earlierRuns").forEach(r -> earlier.add(r.asString()));
            earlier.add(previous.get("started").asString() + " (commit " + previous.get("commit").asString() + ", load "
                    + previous.get("machine").get("loadAverageBefore").asString() + "): every benchmark not named in this run's 'only'");
            result.put("only", only);
            result.put("earlierRuns", earlier);
        }
        result.put("figures", figures);
        result.put("failures", failures);
        Files.writeString(out.resolve("latest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        String table = markdown(result, figures, failures);
        Files.writeString(out.resolve("latest.md"), table);
        if (o.containsKey("update-readme")) {
            updateReadme(Path.of("README.md"), table);
        }
        System.out.println();
        System.out.print(table);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Puts the table between the README's bench markers, so the README quotes the latest run. */
    private static void updateReadme(Path readme, String table) throws IOException {
        String text = Files.readString(readme);
        String start = "<!-- bench:start -->";
        String end = "<!-- bench:end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            System.out.println("README.md has no " + start + " ... " + end + " block; not updated");
            return;
        }
        Files.writeString(readme, text.substring(0, from + start.length()) + "\n" + table + text.substring(to));
    }

    /** Whether {@code java} starts with {@code option} (not every JDK 17 build has Shenandoah). */
    private static boolean jvmAccepts(String java, String option) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(java, option, "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return probe.waitFor() == 0;
    }

    /** Runs one benchmark in its own JVM; null when it ended well, else why not. */
    private static String run(Step step, Path log, List<JsonNode> figures) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + step.heap()));
        if (step.liveCollector() && jvmAccepts(java, LIVE_COLLECTOR)) {
            command.add(LIVE_COLLECTOR);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), step.mainClass()));
        command.addAll(step.args());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    writer.println(line);
                    if (line.startsWith(Figure.PREFIX)) {
                        synchronized (figures) {
                            figures.add(JSON.readTree(line.substring(Figure.PREFIX.length())));
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        if (!process.waitFor(step.timeoutMinutes(), TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            reader.join(5000);
            return "timed out after " + step.timeoutMinutes() + " min (log: " + log + ")";
        }
        reader.join(5000);
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + " (log: " + log + ")";
    }

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> result, List<JsonNode> figures, List<String> failures) {
        StringBuilder md = new StringBuilder();
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        md.append(String.format(Locale.ROOT, "Run %s (commit %s), %s min; %s cores (%s), %s, %s; load average %s before, %s after.%n%n",
                result.get("started"), result.get("commit"), result.get("minutes"), machine.get("cores"), machine.get("cpu"),
                machine.get("java"), machine.get("os"), machine.get("loadAverageBefore"), machine.get("loadAverageAfter")));
        if (result.containsKey("only")) {
            md.append("This run measured only: ").append(String.join(", ", (List<String>) result.get("only")))
                    .append(". The other rows come from the earlier run(s): ")
                    .append(String.join("; ", (List<String>) result.get("earlierRuns"))).append(".\n\n");
        }
        md.append("| bench | figure | value | baseline (same run) | baseline value | ratio |\n|---|---|---:|---|---:|---:|\n");
        for (JsonNode f : figures) {
            String unit = f.get("unit").asString();
            boolean hasBaseline = !f.get("baseline").isNull();
            md.append("| ").append(f.get("bench").asString()).append(" | ").append(f.get("name").asString()).append(" | ")
                    .append(number(f.get("value"))).append(' ').append(unit).append(" | ")
                    .append(hasBaseline ? f.get("baseline").asString() : "").append(" | ")
                    .append(hasBaseline ? number(f.get("baselineValue")) + " " + unit : "").append(" | ")
                    .append(f.get("ratio").isNull() ? "" : number(f.get("ratio")) + "x").append(" |\n");
        }
        if (!failures.isEmpty()) {
            md.append("\nFailures:\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private static String number(JsonNode n) {
        double v = n.asDouble();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.replaceFirst("^model name\\s*:\\s*", "")).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String sha = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? sha : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
