package uk.gov.essex.mace.system;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Every response carries a request id in {@code X-Request-Id}, successes as well as problems
 * ({@link ProblemResponsesTests}); a caller's id is kept when it is a safe token and replaced
 * otherwise; and the log lines written while a request is handled carry its id.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests extends HubIntegrationTest {

    private static final String HEADER = "X-Request-Id";

    @Autowired
    LoggingSystem logging;

    private HubApi.Reply getCases(String requestId) {
        var request = api.builder(token("police.north"), "/api/cases").GET();
        return api.send(requestId == null ? request : request.header(HEADER, requestId));
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void okResponseCarriesAFreshRequestId() {
        HubApi.Reply first = getCases(null);
        HubApi.Reply second = getCases(null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header(HEADER)).matches(RequestIdTests::isUuid);
        assertThat(second.header(HEADER)).matches(RequestIdTests::isUuid).isNotEqualTo(first.header(HEADER));
    }

    @Test
    void createdResponseCarriesARequestId() {
        HubApi.Reply reply = api.post(token("police.north"), "/api/cases", aCase().json());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header(HEADER)).matches(RequestIdTests::isUuid);
    }

    @Test
    void suppliedSafeIdIsKeptOnASuccessAndInItsAuditEntry() {
        HubApi.Reply reply = api.send(api.builder(token("police.north"), "/api/cases")
                .header("Content-Type", "application/json").header(HEADER, "rms-batch-7.item_0042")
                .POST(HttpRequest.BodyPublishers.ofString(aCase().json())));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header(HEADER)).isEqualTo("rms-batch-7.item_0042");
        Document entry = mongo.getCollection("audit_entries").find(new Document("action", "case.open")
                .append("targets", reply.json().get("id").asString())).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("requestId")).isEqualTo("rms-batch-7.item_0042");
    }

    /** Not 8-64 of letters, digits, '.', '_' and '-': a caller's header never reaches a log line as it is. */
    static Stream<String> unsafeIds() {
        return Stream.of("short", "x".repeat(65), "has spaces in it", "id;level=ERROR", "quote\"in-id", "{json:1}-abc",
                "%0d%0aINFO-forged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeIds")
    void suppliedUnsafeIdIsReplacedWithAFreshOne(String unsafe) {
        HubApi.Reply reply = getCases(unsafe);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(HEADER)).isNotEqualTo(unsafe).matches(RequestIdTests::isUuid);
    }

    @Test
    void logLinesWrittenWhileHandlingARequestCarryItsId(CapturedOutput output) {
        // the hub's own code logs little on a successful request; Spring MVC's dispatcher logs each
        // request at DEBUG, through the same pattern (application.yml: logging.pattern.level)
        String logger = "org.springframework.web.servlet.DispatcherServlet";
        logging.setLogLevel(logger, LogLevel.DEBUG);
        HubApi.Reply reply;
        try {
            reply = api.send(api.builder(token("police.north"), "/api/cases?page=0&size=23").header(HEADER, "log-check-0001").GET());
        } finally {
            logging.setLogLevel(logger, null);
        }

        assertThat(reply.status()).isEqualTo(200);
        assertThat(output.getOut().lines().filter(line -> line.contains("/api/cases?page=0&size=23")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("[log-check-0001]"));
        assertThat(output.getOut().lines().filter(line -> line.contains("Completed 200")))
                .anySatisfy(line -> assertThat(line).contains("[log-check-0001]"));
    }
}
