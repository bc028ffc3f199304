package uk.gov.essex.mace.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A hub in its own JVM (demo profile, fresh data directory, loopback port), as an operator would
 * run it: what a load generator in another process talks to, and whose resident memory can be
 * read from {@code /proc}. Its log goes to {@code hub.log} in the data directory.
 */
final class HubProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path dataDir;
    private final String base;

    private HubProcess(Process process, Path dataDir, String base) {
        this.process = process;
        this.dataDir = dataDir;
        this.base = base;
    }

    /** Starts a hub with {@code -Xmx<heap>} and waits (at most two minutes) until it reports UP. */
    static HubProcess start(String heap, String... extraArgs) throws Exception {
        Path dataDir = Files.createTempDirectory("mace-bench-hub-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), "uk.gov.essex.mace.HubApplication",
                "--spring.profiles.active=demo", "--server.port=" + port, "--hub.storage.data-dir=" + dataDir,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--hub.limits.enabled=false", "--hub.tls.enabled=false"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub.log").toFile()).start();
        HubProcess hub = new HubProcess(process, dataDir, "http://127.0.0.1:" + port);
        hub.awaitUp();
        return hub;
    }

    String base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** The hub's resident set size, from {@code /proc/<pid>/status}. */
    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** Heap in use just after a full collection, through {@code jcmd} (the JDK's own tool). */
    long heapUsedAfterGcKb() throws Exception {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(javaTool("jcmd"), Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static String javaTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited (" + process.exitValue() + "); see " + dataDir.resolve("hub.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the hub did not report UP within 2 minutes; see " + dataDir.resolve("hub.log"));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
