package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Runs every cell of {@code security/authorization-matrix.csv} through the real filter chain with
 * real tokens (and every STOMP row over a real WebSocket): each demo caller on each endpoint gets
 * exactly the status class the matrix expects. Problems are always problem+json.
 */
class AuthorizationMatrixTests extends HubIntegrationTest {

    static final List<String> CALLERS = List.of("police.north", "csc.north", "council.north", "health.north",
            "healthlead.north", "coordinator.north", "coordinator.south", "chair.north", "analyst.north", "staysafe.north",
            "subcommittee", "auditor", "admin", "client:police-rms", "anonymous");

    private static final int THREADS = 4;
    private final Map<String, AuthorizationMatrix.Cell> refusals = new ConcurrentHashMap<>();
    static final String PERIOD = "&from=" + LocalDate.now().minusDays(89) + "&to=" + LocalDate.now();

    /**
     * Runs every cell (four at a time: each is independent, with its own fresh records where it
     * uses one up), then reports each as its own test.
     */
    @TestFactory
    Stream<DynamicTest> everyCellGetsTheExpectedStatusClass() throws Exception {
        MatrixFixture f = new MatrixFixture(api, tokens);
        List<AuthorizationMatrix.Cell> cells = AuthorizationMatrix.load().cells();
        cells.stream().map(AuthorizationMatrix.Cell::caller).distinct().forEach(this::token);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (AuthorizationMatrix.Cell cell : cells) {
                outcomes.add(pool.submit(() -> run(f, cell)));
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                AuthorizationMatrix.Cell cell = cells.get(i);
                String actual = outcome(outcomes.get(i));
                tests.add(DynamicTest.dynamicTest(cell.toString(),
                        () -> assertThat(actual).as(cell.toString()).isEqualTo(cell.expected())));
            }
            tests.add(DynamicTest.dynamicTest("every HTTP refusal (403) is in the audit trail", this::everyRefusalAudited));
            return tests.stream();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Denials are audited (DESIGN s4): each 403 of the run has an entry with its request id and a DENIED outcome. */
    private void everyRefusalAudited() {
        Set<String> audited = new HashSet<>();
        for (Document entry : mongo.getCollection("audit_entries").find(new Document("requestId",
                new Document("$in", List.copyOf(refusals.keySet()))).append("outcome", "DENIED"))) {
            audited.add(entry.getString("requestId"));
        }
        List<String> unaudited = refusals.entrySet().stream().filter(e -> !audited.contains(e.getKey()))
                .map(e -> e.getValue().toString()).sorted().toList();
        assertThat(refusals).as("the matrix produced refusals").isNotEmpty();
        assertThat(unaudited).as("403s with no DENIED audit entry").isEmpty();
    }

    private static String outcome(Future<String> future) throws InterruptedException {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return "failed: " + e.getCause();
        } catch (TimeoutException e) {
            return "timed out";
        }
    }

    private String run(MatrixFixture f, AuthorizationMatrix.Cell cell) throws Exception {
        return switch (cell.row().kind()) {
            case "HTTP" -> http(f, cell);
            case "STOMP" -> stomp(f, cell);
            case "FILTER" -> filter(cell);
            default -> throw new IllegalStateException("unknown kind " + cell.row().kind());
        };
    }

    private String http(MatrixFixture f, AuthorizationMatrix.Cell cell) {
        String method = cell.row().method().equals("ANY") ? "GET" : cell.row().method();
        String path = cell.row().path();
        Target target = resolve(f, method, path);
        String body = body(f, target, method, path);
        HubApi.Reply reply;
        try {
            String requestId = "matrix-" + UUID.randomUUID();
            HttpRequest.Builder request = api.builder(token(cell.caller()), target.path()).header("X-Request-Id", requestId)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            reply = api.send(request);
            if (reply.status() == 403) {
                refusals.put(requestId, cell);
            }
        } finally {
            target.cleanup().run();
        }
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(cell + ": " + reply.body()).startsWith("application/problem+json");
        }
        return statusClass(reply.status(), cell + " " + reply.body());
    }

    /** The request body for an endpoint: valid, so that only authorisation can refuse it. */
    private String body(MatrixFixture f, Target target, String method, String path) {
        String key = method + " " + path;
        return switch (key) {
            case "POST /api/cases" -> aCase().json();
            case "POST /api/cases/find" -> "{\"childName\":\"Alex Example\",\"dateOfBirth\":\"2012-04-01\"}";
            case "POST /api/cases/{caseId}/members" -> "{\"agencyId\":\"" + MatrixFixture.EXTRA_MEMBER + "\"}";
            case "POST /api/cases/{caseId}/intel" -> anItem().json();
            case "PUT /api/cases/{caseId}/intel/{itemId}" -> "{\"expectedRevision\":1,\"text\":\"edited\"}";
            case "POST /api/cases/{caseId}/intel/{itemId}/withdraw" -> "{\"reason\":\"matrix\"}";
            case "POST /api/cases/{caseId}/risk-assessments" -> MatrixFixture.assessment("MEDIUM");
            case "POST /api/cases/{caseId}/indicators" ->
                    "{\"indicator\":\"HOSTILITY\",\"observedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"sourceNote\":\"matrix\"}";
            case "POST /api/cases/{caseId}/missing-episodes" -> MatrixFixture.episode();
            case "POST /api/cases/{caseId}/missing-episodes/{episodeId}/return" ->
                    "{\"returnedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}";
            case "PUT /api/cases/{caseId}/missing-episodes/{episodeId}" ->
                    "{\"version\":1,\"startedAt\":\"" + java.time.Instant.now().minusSeconds(9000) + "\",\"reason\":\"matrix\"}";
            case "DELETE /api/cases/{caseId}/missing-episodes/{episodeId}" -> "{\"version\":1,\"reason\":\"matrix\"}";
            case "POST /api/meetings" -> f.meeting();
            case "POST /api/meetings/{meetingId}/agenda" -> "{\"caseId\":\"" + target.agendaCase() + "\",\"reason\":\"matrix\"}";
            case "DELETE /api/meetings/{meetingId}/agenda/{caseId}" -> "{\"reason\":\"matrix\"}";
            case "PUT /api/meetings/{meetingId}/cases/{caseId}/minutes" -> "{\"text\":\"matrix minutes\"}";
            case "POST /api/meetings/{meetingId}/cases/{caseId}/actions" -> MatrixFixture.action();
            case "POST /api/meetings/{meetingId}/actions/{actionId}/status" -> "{\"status\":\"DONE\"}";
            case "POST /api/cases/{caseId}/close" -> "{\"reason\":\"NO_FURTHER_ACTION\"}";
            case "POST /api/cases/{caseId}/legal-hold", "DELETE /api/cases/{caseId}/legal-hold" -> "{\"reason\":\"matrix\"}";
            case "PUT /api/cases/{caseId}/chat/read" -> "{\"itemId\":\"" + f.itemId + "\"}";
            case "POST /api/disruptions" -> MatrixFixture.disruption();
            case "POST /api/profiles/meetings" -> f.part2Meeting();
            default -> method.equals("GET") || method.equals("DELETE") ? null : "";
        };
    }

    /**
     * The concrete path: shared records for reads, a fresh record for a change that uses one up, so
     * that every cell is decided by authorisation alone and not by what an earlier cell did.
     */
    private Target resolve(MatrixFixture f, String method, String path) {
        String key = method + " " + path;
        Runnable cleanup = () -> { };
        String agendaCase = null;
        String caseId = f.caseId;
        String itemId = f.itemId;
        String episodeId = f.episodeId;
        String meetingId = f.meetingId;
        String actionId = f.actionId;
        String alertId = f.alertId;
        switch (key) {
            case "PUT /api/cases/{caseId}/intel/{itemId}", "POST /api/cases/{caseId}/intel/{itemId}/withdraw" -> itemId = f.freshItem();
            case "POST /api/cases/{caseId}/missing-episodes/{episodeId}/return", "PUT /api/cases/{caseId}/missing-episodes/{episodeId}",
                    "DELETE /api/cases/{caseId}/missing-episodes/{episodeId}" -> episodeId = f.freshEpisode();
            case "POST /api/alerts/{alertId}/acknowledge" -> alertId = f.freshAlert();
            case "POST /api/alerts/{alertId}/close" -> alertId = f.acknowledged(f.freshAlert());
            case "POST /api/meetings/{meetingId}/agenda" -> {
                meetingId = freshMeeting(f);
                agendaCase = f.openNorthCase(false);
            }
            case "DELETE /api/meetings/{meetingId}/agenda/{caseId}" -> meetingId = f.freshMeetingWithCase();
            case "POST /api/meetings/{meetingId}/actions/{actionId}/status" -> actionId = f.freshAction(meetingId);
            case "DELETE /api/cases/{caseId}/members/{agencyId}" -> caseId = f.caseWithExtraMember();
            case "POST /api/cases/{caseId}/close", "POST /api/cases/{caseId}/legal-hold" -> caseId = f.openNorthCase(false);
            case "POST /api/cases/{caseId}/reopen" -> caseId = f.freshClosedCase();
            case "DELETE /api/cases/{caseId}/legal-hold" -> caseId = f.freshCaseOnHold();
            case "POST /api/admin/clients/{clientId}/revoke" -> cleanup = () -> api.post(token("admin"),
                    "/api/admin/clients/council-system/reinstate", "");
            default -> { }
        }
        String resolved = path.replace("{caseId}", caseId).replace("{itemId}", itemId).replace("{episodeId}", episodeId)
                .replace("{meetingId}", meetingId).replace("{actionId}", actionId).replace("{alertId}", alertId)
                .replace("{agencyId}", MatrixFixture.EXTRA_MEMBER).replace("{clientId}", "council-system").replace("{id}", f.disruptionId)
                .replace("{scope}", "disruption:NORTH:2000-01")
                .replace("/**", "/ping");
        String query = switch (path) {
            case "/api/audit/proofs/inclusion" -> "?seq=0&treeSize=" + f.treeSize;
            case "/api/audit/proofs/consistency" -> "?from=1&to=" + f.treeSize;
            case "/api/disruptions", "/api/profiles/meetings" -> method.equals("GET") ? "?quadrant=NORTH" : "";
            case "/api/profiles", "/api/profiles/export.csv", "/api/profiles/export.pdf" -> "?quadrant=NORTH" + PERIOD;
            case "/api/profiles/county" -> "?" + PERIOD.substring(1);
            case "/api/chat/unread", "/api/mace-status" -> "?caseId=" + caseId;
            default -> "";
        };
        return new Target(resolved + query, agendaCase, cleanup);
    }

    /** Where one cell's request goes, what it puts on an agenda, and what to undo afterwards. */
    private record Target(String path, String agendaCase, Runnable cleanup) {}

    private String freshMeeting(MatrixFixture f) {
        HubApi.Reply created = api.post(token(MatrixFixture.COORDINATOR), "/api/meetings", f.meeting());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** SUBSCRIBE: receipt is 2xx, an ERROR frame 403; a refused CONNECT is 401. SEND: the session must end (403). */
    private String stomp(MatrixFixture f, AuthorizationMatrix.Cell cell) throws Exception {
        String destination = cell.row().path().replace("/undeclared", "").replace("{caseId}", f.caseId);
        LiveClient client;
        try {
            client = LiveClient.connect(baseUrl(), token(cell.caller()));
        } catch (Exception refused) {
            return "401";
        }
        try {
            if (cell.row().method().equals("SEND")) {
                client.send(destination, "{}");
                return endedWithin(client) ? "403" : "2xx";
            }
            if (client.subscribe(destination)) {
                return "2xx";
            }
            return endedWithin(client) ? "403" : "subscription neither receipted nor refused";
        } finally {
            closeQuietly(client);
        }
    }

    /** The hub may already have ended the session; closing it again is not a finding. */
    private static void closeQuietly(LiveClient client) {
        try {
            client.close();
        } catch (RuntimeException alreadyClosed) {
            // nothing to do
        }
    }

    private static boolean endedWithin(LiveClient client) {
        try {
            client.ended().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The authorization server's own endpoints; the token endpoint with each caller's own client credentials. */
    private String filter(AuthorizationMatrix.Cell cell) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + cell.row().path()));
        String caller = cell.caller();
        if (cell.row().method().equals("POST")) {
            if (!caller.equals("anonymous")) {
                String id = caller.startsWith("client:") ? caller.substring(7) : caller;
                String secret = caller.startsWith("client:") ? DemoTokens.CLIENT_SECRET : DemoTokens.PASSWORD;
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=hub"));
        } else {
            String token = token(caller);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            request.GET();
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return statusClass(response.statusCode(), cell + " " + response.body());
    }

    private static String statusClass(int status, String context) {
        if (status >= 200 && status < 300) {
            return "2xx";
        }
        if (status == 401 || status == 403 || status == 404) {
            return Integer.toString(status);
        }
        return "unexpected " + status + ": " + context;
    }

    @Override
    protected String token(String caller) {
        return CallerTokens.of(tokens, baseUrl(), caller);
    }
}
