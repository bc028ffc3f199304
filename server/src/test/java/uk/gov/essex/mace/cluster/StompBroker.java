package uk.gov.essex.mace.cluster;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The RabbitMQ STOMP broker the scale-out tests relay through, so that {@code ./mvnw -B verify}
 * needs nothing started beforehand: a broker already answering on loopback (default port 61613,
 * {@code -Dmace.test.rabbitmq.stomp-port} or {@code MACE_TEST_RABBITMQ_STOMP_PORT} to change it) is
 * used as it is; otherwise a private node of Debian's {@code rabbitmq-server} is started for the
 * test class and stopped on {@link #close}; without {@code rabbitmq-server} the tests are skipped
 * ({@link Required}), saying how to install it.
 */
final class StompBroker implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 61613;
    static final String GUEST = "guest";

    private final int port;
    private final RabbitMqNode node;

    private StompBroker(int port, RabbitMqNode node) {
        this.port = port;
        this.node = node;
    }

    /** A broker to relay through; aborts the calling test class (an assumption) when there can be none. */
    static StompBroker forTests() throws IOException, InterruptedException {
        int configured = configuredPort();
        if (answers(configured)) {
            return new StompBroker(configured, null);
        }
        Optional<Path> server = RabbitMqNode.findServer();
        Assumptions.assumeTrue(server.isPresent(), () -> whyNone(configured));
        RabbitMqNode node = RabbitMqNode.start(server.get());
        return new StompBroker(node.stompPort(), node);
    }

    private static String whyNone(int port) {
        return "No STOMP broker answers on " + HOST + ":" + port + " and RabbitMQ is not installed ("
                + RabbitMqNode.whereLooked() + "), so the scale-out tests cannot run. Install it with"
                + " `apt-get install rabbitmq-server` (.ci/run does); the tests then start a private node of their own.";
    }

    /**
     * Disables the class, saying how to install RabbitMQ, when {@link #forTests} could give no broker:
     * the same as its assumption, but reported as skipped, where Surefire reports a class aborted in
     * {@code @BeforeAll} as nothing run at all (SUREFIRE-2300).
     */
    static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            int configured = configuredPort();
            if (context.getTestMethod().isPresent() || answers(configured) || RabbitMqNode.findServer().isPresent()) {
                return ConditionEvaluationResult.enabled("a STOMP broker answers or rabbitmq-server is installed");
            }
            return ConditionEvaluationResult.disabled(whyNone(configured));
        }
    }

    /** True when a STOMP broker on {@code port} accepts the guest account (RabbitMQ's, loopback only). */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT\naccept-version:1.2\nhost:/\nlogin:" + GUEST + "\npasscode:" + GUEST + "\n\n\0")
                    .getBytes(US_ASCII));
            out.flush();
            return "CONNECTED".equals(new String(socket.getInputStream().readNBytes(9), US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (node != null) {
            node.close();
        }
    }

    private static int configuredPort() {
        String port = System.getProperty("mace.test.rabbitmq.stomp-port", System.getenv("MACE_TEST_RABBITMQ_STOMP_PORT"));
        return port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim());
    }
}
