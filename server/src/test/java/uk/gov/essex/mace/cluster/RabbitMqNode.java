package uk.gov.essex.mace.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private RabbitMQ node with its STOMP plugin, run as the current user from an installed
 * {@code rabbitmq-server} (Debian's package): its own name, configuration, data, logs and Erlang
 * cookie in a directory under {@code target/}, its own free ports, every listener on loopback. It
 * neither reads nor touches {@code /etc/rabbitmq} or a system node, so it needs no root and can run
 * next to one. Only epmd (port 4369) is shared, as Erlang shares it between all nodes on a machine.
 */
final class RabbitMqNode implements AutoCloseable {

    static final Duration START_WITHIN = Duration.ofSeconds(90);
    private static final String SERVER_PROPERTY = "mace.test.rabbitmq.server";
    private static final String SERVER_VARIABLE = "MACE_TEST_RABBITMQ_SERVER";
    private static final List<Path> DEBIAN_DIRS = List.of(Path.of("/usr/lib/rabbitmq/bin"), Path.of("/usr/sbin"));

    private final String name;
    private final Path dir;
    private final Path ctl;
    private final int stompPort;
    private final Map<String, String> environment;
    private final Process process;
    private final Thread onExit = new Thread(this::destroyTree);
    private boolean closed;

    private RabbitMqNode(String name, Path dir, Path ctl, int stompPort, Map<String, String> environment,
            Process process) {
        this.name = name;
        this.dir = dir;
        this.ctl = ctl;
        this.stompPort = stompPort;
        this.environment = environment;
        this.process = process;
    }

    /**
     * The {@code rabbitmq-server} script to run: {@code -Dmace.test.rabbitmq.server} or
     * {@code MACE_TEST_RABBITMQ_SERVER} when set (an install elsewhere), else the first on PATH, in
     * {@code /usr/lib/rabbitmq/bin} or in {@code /usr/sbin}. Debian's wrapper script is seen through
     * to the script it wraps: run as root, the wrapper switches to the {@code rabbitmq} user and the
     * system node's home and log directory.
     */
    static Optional<Path> findServer() {
        String explicit = System.getProperty(SERVER_PROPERTY, System.getenv(SERVER_VARIABLE));
        Stream<Path> candidates = explicit != null && !explicit.isBlank() ? Stream.of(Path.of(explicit))
                : Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(entry -> !entry.isBlank()).map(Path::of), DEBIAN_DIRS.stream())
                        .map(bin -> bin.resolve("rabbitmq-server"));
        return candidates.filter(Files::isExecutable).map(RabbitMqNode::unwrapped).flatMap(Optional::stream)
                .findFirst();
    }

    /** Where {@link #findServer} looked, for the message when it finds nothing. */
    static String whereLooked() {
        String explicit = System.getProperty(SERVER_PROPERTY, System.getenv(SERVER_VARIABLE));
        return explicit != null && !explicit.isBlank() ? SERVER_PROPERTY + " names " + explicit + ", not an executable"
                : "no rabbitmq-server on PATH, in /usr/lib/rabbitmq/bin or in /usr/sbin";
    }

    /** Starts a node and waits, at most {@link #START_WITHIN}, until its STOMP listener accepts the guest account. */
    static RabbitMqNode start(Path server) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rabbitmq-").toAbsolutePath();
        String name = "mace-test-" + ProcessHandle.current().pid() + "@localhost";
        int[] ports = freePorts(3);
        int amqpPort = ports[0];
        int stompPort = ports[1];
        Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp.1 = " + StompBroker.HOST + ":" + amqpPort,
                "stomp.listeners.tcp.1 = " + StompBroker.HOST + ":" + stompPort,
                "loopback_users." + StompBroker.GUEST + " = true", ""));
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
        // empty, so that /etc/rabbitmq/rabbitmq-env.conf (the system node's) is not read
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        Map<String, String> environment = Map.ofEntries(
                Map.entry("HOME", dir.toString()), // the Erlang cookie, private to this node and its rabbitmqctl
                Map.entry("RABBITMQ_NODENAME", name),
                Map.entry("RABBITMQ_MNESIA_BASE", Files.createDirectories(dir.resolve("mnesia")).toString()),
                Map.entry("RABBITMQ_LOG_BASE", Files.createDirectories(dir.resolve("log")).toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString()),
                Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", StompBroker.HOST),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(amqpPort)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(ports[2])),
                // the distribution listener on loopback too (RABBITMQ_NODE_IP_ADDRESS covers only AMQP)
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"),
                // epmd, if this node is the one that starts it
                Map.entry("ERL_EPMD_ADDRESS", StompBroker.HOST));
        ProcessBuilder builder = new ProcessBuilder(server.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        RabbitMqNode node = new RabbitMqNode(name, dir, server.resolveSibling("rabbitmqctl"), stompPort, environment,
                builder.start());
        Runtime.getRuntime().addShutdownHook(node.onExit);
        try {
            node.awaitStomp(started + START_WITHIN.toNanos());
        } catch (RuntimeException | InterruptedException e) {
            node.close();
            throw e;
        }
        System.out.printf("private RabbitMQ node %s (%s): STOMP on %s:%d after %.1f s%n", name, dir,
                StompBroker.HOST, stompPort, (System.nanoTime() - started) / 1e9);
        return node;
    }

    int stompPort() {
        return stompPort;
    }

    /** {@code rabbitmqctl stop}, then whatever is left of the node's processes killed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ProcessBuilder stop = new ProcessBuilder(ctl.toString(), "-n", name, "stop").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile());
            stop.environment().putAll(environment);
            Process stopping = stop.start();
            if (!stopping.waitFor(60, TimeUnit.SECONDS)) {
                stopping.destroyForcibly();
            }
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // rabbitmqctl would not run: the node is killed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            destroyTree();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private void awaitStomp(long deadline) throws InterruptedException {
        while (!StompBroker.answers(stompPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "did not answer STOMP on " + StompBroker.HOST + ":" + stompPort
                        + " within " + START_WITHIN.toSeconds() + " s" : "exited with status " + process.exitValue();
                throw new IllegalStateException("private RabbitMQ node " + name + " " + why + ".\nIts console ("
                        + dir.resolve("console.log") + ") ends:\n" + HubCluster.tail(dir.resolve("console.log"))
                        + "\nIts log (" + dir.resolve("log").resolve(name + ".log") + ") ends:\n"
                        + HubCluster.tail(dir.resolve("log").resolve(name + ".log")));
            }
            Thread.sleep(500);
        }
    }

    /** The script, the Erlang VM it runs and the VM's helpers; not epmd, which outlives nodes and is shared. */
    private void destroyTree() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> unwrapped(Path script) {
        try {
            Path real = script.toRealPath();
            return Optional.of(real.getFileName().toString().equals("rabbitmq-script-wrapper")
                    ? real.resolveSibling("rabbitmq-server").toRealPath() : real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }
}
