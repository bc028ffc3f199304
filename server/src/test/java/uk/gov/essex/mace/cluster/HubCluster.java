package uk.gov.essex.mace.cluster;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.gov.essex.mace.HubApplication;

/**
 * Real hub processes for the scale-out tests: a store process serving the embedded
 * database on loopback, and hub instances (each a JVM of its own, started from this classpath)
 * sharing it and one data directory (keystore, erasure ledger), fanning out through RabbitMQ's STOMP
 * plugin on the port given, as its loopback-only guest account.
 */
public final class HubCluster implements AutoCloseable {

    private final Path dir;
    private final int storePort;
    private final int relayPort;
    private final Process store;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<String> extraArgs;

    /** One running hub process. */
    public record Instance(String id, int port, Process process, Path log) {
        public String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    private HubCluster(Path dir, int storePort, int relayPort, Process store, List<String> extraArgs) {
        this.dir = dir;
        this.storePort = storePort;
        this.relayPort = relayPort;
        this.store = store;
        this.extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Starts the store process; hub instances are added with {@link #start}, relaying (when asked)
     * to the STOMP broker on {@code 127.0.0.1:relayPort} ({@link StompBroker} gives one).
     */
    public static HubCluster withStore(String name, int relayPort, List<String> extraArgs) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), name + "-");
        int storePort = freePort();
        Process store = java(List.of(StoreProcess.class.getName(), dir.resolve("store").toString(),
                Integer.toString(storePort)), dir.resolve("store.log"), "-Xmx256m");
        HubCluster cluster = new HubCluster(dir, storePort, relayPort, store, extraArgs);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(dir.resolve("store.log")).contains("store ready")) {
            if (!store.isAlive() || System.nanoTime() > deadline) {
                cluster.close();
                throw new IllegalStateException("the store did not start: " + Files.readString(dir.resolve("store.log")));
            }
            Thread.sleep(100);
        }
        return cluster;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + storePort + "/macehub";
    }

    /** Starts instances {@code ids} at once (each with a relay to RabbitMQ when {@code relay}) and waits until all are up. */
    public List<Instance> start(boolean relay, String... ids) throws Exception {
        List<Instance> started = new ArrayList<>();
        for (String id : ids) {
            int port = freePort();
            Path log = dir.resolve(id + ".log");
            List<String> args = new ArrayList<>(List.of(HubApplication.class.getName(),
                    "--spring.profiles.active=demo", "--server.port=" + port,
                    "--spring.mongodb.uri=" + mongoUri(),
                    "--hub.storage.data-dir=" + dir.resolve("data").toAbsolutePath(),
                    "--hub.cluster.instance-id=" + id,
                    "--hub.live.relay.enabled=" + relay,
                    "--hub.live.relay.host=" + StompBroker.HOST,
                    "--hub.live.relay.port=" + relayPort,
                    "--hub.live.relay.login=" + StompBroker.GUEST,
                    "--hub.live.relay.passcode=" + StompBroker.GUEST,
                    "--spring.jmx.enabled=false", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--logging.level.uk.gov.essex.mace.cluster=INFO"));
            args.addAll(extraArgs);
            Instance instance = new Instance(id, port, java(args, log, "-Xmx384m"), log);
            instances.put(id, instance);
            started.add(instance);
        }
        for (Instance instance : started) {
            awaitReady(instance);
        }
        return started;
    }

    public Instance instance(String id) {
        return instances.get(id);
    }

    /** SIGKILL, as an operating system or an operator would. */
    public void kill(String id) throws InterruptedException {
        Process process = instances.get(id).process();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Ends an instance cleanly (SIGTERM: Spring's shutdown hooks run). */
    public void stop(String id) throws InterruptedException {
        Process process = instances.remove(id).process();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        for (Instance instance : instances.values()) {
            instance.process().destroyForcibly();
        }
        store.destroy();
        try {
            store.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.destroyForcibly();
    }

    private static Process java(List<String> args, Path log, String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(Instance instance) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                throw new IllegalStateException("hub " + instance.id() + " died starting: " + tail(instance.log()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("hub " + instance.id() + " did not start within 3 minutes: " + tail(instance.log()));
    }

    public static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
