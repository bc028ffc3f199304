package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Canaries under every label and in every free-text field (case, intelligence items and
 * restricted segments, place, person, grading conditions, missing episodes, indicators under labels
 * and with restricted segments, meeting minutes under labels and as first recorded before a
 * correction, agenda reasons and actions) reach no caller who is not entitled to them, through any
 * GET endpoint in the authorisation matrix (so a new endpoint is swept as soon as it has its row),
 * any error body, Prometheus metrics (as admin), the live case feed, the server log, or the raw
 * database collections.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeakSweepTests extends HubIntegrationTest {

    private static final Set<String> READERS = Set.of("police.north", "csc.north", "health.north", "healthlead.north",
            "coordinator.north", "chair.north", "client:police-rms");
    private static final Set<String> POLICE_ONLY = Set.of("police.north", "chair.north", "client:police-rms");
    private static final Set<String> POLICE_AND_CSC = Set.of("police.north", "chair.north", "client:police-rms",
            "csc.north", "coordinator.north");
    private static final Set<String> HEALTH = Set.of("health.north", "healthlead.north");
    private static final Set<String> CHAIRS = Set.of("chair.north");
    private static final Set<String> SOURCE = Set.of("police.north");
    /** Who reads the North quadrant's disruption updates (a police update about a place, linked to the case). */
    private static final Set<String> DISRUPTION_READERS = Set.of("police.north", "csc.north", "council.north",
            "health.north", "healthlead.north", "coordinator.north", "chair.north", "client:police-rms");

    @Value("${hub.storage.data-dir}")
    Path dataDir;

    /** One seeded canary: its unique text and who may see it. */
    record Canary(String name, String text, Set<String> entitled, boolean sealedAtRest) {}


    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Canary> canaries = new LinkedHashMap<>();
    /** Each caller's live case feed, when the sweep listens to it (null for callers the hub refused). */
    private final Map<String, LiveClient> feeds = new ConcurrentHashMap<>();
    private boolean listenToFeeds;

    private Canary canary(String name, Set<String> entitled) {
        return canary(name, entitled, true);
    }

    private Canary canary(String name, Set<String> entitled, boolean sealedAtRest) {
        Canary c = new Canary(name, "CANARY-" + name + "-" + run, entitled, sealedAtRest);
        canaries.put(name, c);
        return c;
    }

    @Test
    void noCanaryReachesACallerNotEntitledToItThroughAnyChannel(CapturedOutput output) throws Exception {
        listenToFeeds = true;
        Seeded seeded;
        Map<String, String> live = new LinkedHashMap<>();
        try {
            seeded = seed();
            // What each caller's live case feed delivered while the case was being filled in.
            Thread.sleep(1500);
            for (Map.Entry<String, LiveClient> feed : feeds.entrySet()) {
                live.put(feed.getKey(), "\n@@ LIVE /user/queue/cases/" + seeded.caseId() + "\n"
                        + feed.getValue().drain(Duration.ZERO));
            }
            assertThat(feeds.keySet()).as("readers listen to the case feed").containsAll(READERS);
            assertThat(live.values()).as("the feed delivered items").anyMatch(v -> v.contains(canaries.get("ALL-MEMBERS-ITEM").text()));
        } finally {
            feeds.values().forEach(LeakSweepTests::closeQuietly);
        }
        List<String> callers = AuthorizationMatrixTests.CALLERS;
        List<String> requests = requests(seeded);

        Map<String, String> reached = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<String>> byCaller = new LinkedHashMap<>();
            for (String caller : callers) {
                byCaller.put(caller, pool.submit(() -> fetchAll(caller, requests, seeded)));
            }
            for (Map.Entry<String, Future<String>> e : byCaller.entrySet()) {
                reached.put(e.getKey(), e.getValue().get(5, TimeUnit.MINUTES) + live.getOrDefault(e.getKey(), ""));
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> leaks = new ArrayList<>();
        for (String caller : callers) {
            for (Canary c : canaries.values()) {
                if (!c.entitled().contains(caller) && reached.get(caller).contains(c.text())) {
                    String via = live.getOrDefault(caller, "").contains(c.text()) ? "the live case feed"
                            : channel(caller, c.text(), requests, seeded);
                    leaks.add(c.name() + " reached " + caller + " via " + via);
                }
            }
        }
        assertThat(leaks).as("canaries reaching callers not entitled to them").isEmpty();
        // The sweep is meaningful: each canary does reach someone entitled to it.
        for (Canary c : canaries.values()) {
            if (!c.entitled().isEmpty()) {
                assertThat(c.entitled().stream().anyMatch(e -> reached.get(e).contains(c.text())))
                        .as(c.name() + " reaches at least one entitled caller").isTrue();
            }
        }
        // Nobody reads the server log as a viewer: no canary may be there at all.
        for (Canary c : canaries.values()) {
            assertThat(output.getAll()).as("server log holds " + c.name()).doesNotContain(c.text());
        }
        System.out.printf("leak sweep: %d canaries x (%d callers x %d requests + 5 error requests, %d live feeds, and the log) "
                + "checked%n", canaries.size(), callers.size(), requests.size(), feeds.size());
    }

    @Test
    void rawCollectionsAndDataFilesHoldNoSealedCanaryInPlaintext() throws Exception {
        seed();
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String json = doc.toJson();
                canaries.values().stream().filter(Canary::sealedAtRest).filter(c -> json.contains(c.text()))
                        .forEach(c -> found.add(c.name() + " in collection " + collection));
            }
        }
        Thread.sleep(1500);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                canaries.values().stream().filter(Canary::sealedAtRest).filter(c -> raw.contains(c.text()))
                        .forEach(c -> found.add(c.name() + " in file " + dataDir.relativize(file)));
            }
        }
        assertThat(found).isEmpty();
    }

    /** The ids the sweep fills the matrix's paths with. */
    record Seeded(String caseId, List<String> itemIds, String episodeId, String meetingId, String alertId,
            String disruptionId, long treeSize) {}

    private Seeded seed() {
        Canary child = canary("CHILD", READERS);
        Canary all = canary("ALL-MEMBERS-ITEM", READERS);
        Canary allEdit = canary("ALL-MEMBERS-EDIT", READERS);
        Canary police = canary("POLICE-ONLY-ITEM", POLICE_ONLY);
        Canary place = canary("PLACE", POLICE_ONLY);
        Canary person = canary("PERSON", POLICE_ONLY);
        Canary conditions = canary("GRADING-CONDITIONS", READERS);
        Canary policeCsc = canary("POLICE-AND-CSC-ITEM", POLICE_AND_CSC);
        Canary health = canary("HEALTH-CLINICAL-ITEM", HEALTH);
        Canary chairs = canary("MACE-CHAIRS-ITEM", CHAIRS);
        Canary source = canary("SOURCE-PROTECTED-ITEM", SOURCE);
        Canary policeSeg = canary("POLICE-ONLY-SEGMENT", POLICE_ONLY);
        Canary healthSeg = canary("HEALTH-CLINICAL-SEGMENT", HEALTH);
        Canary chairsSeg = canary("MACE-CHAIRS-SEGMENT", CHAIRS);
        Canary whereFound = canary("EPISODE-WHERE-FOUND", READERS);
        Canary correction = canary("EPISODE-CORRECTION-REASON", READERS);
        Canary sourceNote = canary("INDICATOR-SOURCE-NOTE", READERS);
        Canary policeNote = canary("INDICATOR-POLICE-ONLY-NOTE", POLICE_ONLY);
        Canary sourceProtectedNote = canary("INDICATOR-SOURCE-PROTECTED-NOTE", SOURCE);
        Canary healthNoteSegment = canary("INDICATOR-HEALTH-CLINICAL-SEGMENT", HEALTH);
        Canary minutes = canary("MEETING-MINUTES", READERS);
        Canary minutesOriginal = canary("MEETING-MINUTES-BEFORE-CORRECTION", READERS);
        Canary policeMinutes = canary("MEETING-MINUTES-POLICE-ONLY", POLICE_ONLY);
        Canary action = canary("MEETING-ACTION", READERS);
        Canary agendaReason = canary("AGENDA-REASON", READERS);
        Canary agendaRemoved = canary("AGENDA-REMOVED-REASON", READERS);
        Canary disruption = canary("DISRUPTION-OUTCOME", DISRUPTION_READERS);
        canary("ECHOED-IN-ERROR", Set.of());

        String caseId = ok(api.post(token("police.north"), "/api/cases", aCase().childName(child.text())
                .member("essex-csc").member("essex-health").json()), 201).get("id").asString();
        if (listenToFeeds) {
            openFeeds(caseId);
        }
        String intel = "/api/cases/" + caseId + "/intel";
        List<String> items = new ArrayList<>();
        String allId = share(intel, "csc.north", anItem().text(all.text()).json());
        items.add(allId);
        ok(api.send(token("csc.north"), "PUT", intel + "/" + allId, "application/json",
                "{\"expectedRevision\":1,\"text\":\"" + allEdit.text() + "\"}"), 200);
        items.add(share(intel, "police.north", anItem().label("police-only").text(police.text())
                .location(place.text(), "1 Canary Row", "CO1 1AA", "Colchester").person(person.text(), "associate")
                .grading(2, "B", "C", conditions.text()).json()));
        items.add(share(intel, "police.north", anItem().label("police-and-csc").text(policeCsc.text()).json()));
        items.add(share(intel, "healthlead.north", anItem().label("health-clinical").text(health.text()).json()));
        items.add(share(intel, "chair.north", anItem().label("mace-chairs-only").text(chairs.text()).json()));
        items.add(share(intel, "police.north", anItem().label("police-source-protected").text(source.text()).json()));
        items.add(share(intel, "police.north", anItem().text("Vehicle [[police-only:" + policeSeg.text() + "]] seen.").json()));
        items.add(share(intel, "health.north", anItem().text("At A&E [[health-clinical:" + healthSeg.text() + "]].").json()));
        items.add(share(intel, "chair.north", anItem().text("Chair: [[mace-chairs-only:" + chairsSeg.text() + "]].").json()));

        String episodes = "/api/cases/" + caseId + "/missing-episodes";
        String episodeId = ok(api.post(token("police.north"), episodes, "{\"startedAt\":\"" + Instant.now().minusSeconds(9000)
                + "\",\"returnedAt\":\"" + Instant.now().minusSeconds(3600) + "\",\"whereFound\":\"" + whereFound.text() + "\"}"),
                201).get("id").asString();
        ok(api.send(token("police.north"), "PUT", episodes + "/" + episodeId, "application/json", "{\"version\":1,\"startedAt\":\""
                + Instant.now().minusSeconds(9500) + "\",\"returnedAt\":\"" + Instant.now().minusSeconds(3600)
                + "\",\"whereFound\":\"" + whereFound.text() + "\",\"reason\":\"" + correction.text() + "\"}"), 200);
        ok(api.post(token("csc.north"), "/api/cases/" + caseId + "/indicators", "{\"indicator\":\"GANG_ASSOCIATION\",\"observedOn\":\""
                + LocalDate.now().minusDays(2) + "\",\"sourceNote\":\"" + sourceNote.text() + "\"}"), 201);
        String indicators = "/api/cases/" + caseId + "/indicators";
        ok(api.post(token("police.north"), indicators, "{\"indicator\":\"UNEXPLAINED_MONEY_OR_GIFTS\",\"observedOn\":\""
                + LocalDate.now().minusDays(3) + "\",\"label\":\"police-only\",\"sourceNote\":\"" + policeNote.text() + "\"}"), 201);
        ok(api.post(token("police.north"), indicators, "{\"indicator\":\"GANG_ASSOCIATION\",\"observedOn\":\""
                + LocalDate.now().minusDays(3) + "\",\"label\":\"police-source-protected\",\"sourceNote\":\""
                + sourceProtectedNote.text() + "\"}"), 201);
        ok(api.post(token("healthlead.north"), indicators, "{\"indicator\":\"MARKS_OR_SCARS\",\"observedOn\":\""
                + LocalDate.now().minusDays(4) + "\",\"sourceNote\":\"At clinic [[health-clinical:" + healthNoteSegment.text()
                + "]]\"}"), 201);
        ok(api.post(token("police.north"), "/api/cases/" + caseId + "/risk-assessments", MatrixFixture.assessment("HIGH")), 201);
        String alertId = null;
        for (JsonNode alert : ok(api.get(token("coordinator.north"), "/api/alerts?limit=500"), 200)) {
            if (alert.get("caseId").asString().equals(caseId)) {
                alertId = alert.get("id").asString();
            }
        }
        assertThat(alertId).as("the HIGH assessment raised an alert").isNotNull();

        String date = LocalDate.now().plusDays(70_000 + (long) (Math.random() * 20_000)).toString();
        String meetingId = ok(api.post(token("coordinator.north"), "/api/meetings",
                "{\"quadrant\":\"NORTH\",\"date\":\"" + date + "\"}"), 201).get("id").asString();
        String agenda = "/api/meetings/" + meetingId + "/agenda";
        // The case meets the criteria, so it is on the agenda already: take it off and put it back with a reason.
        HubApi.Reply off = api.send(token("coordinator.north"), "DELETE", agenda + "/" + caseId, "application/json",
                "{\"reason\":\"sweep\"}");
        assertThat(off.status()).as(off.body()).isIn(200, 404);
        ok(api.post(token("coordinator.north"), agenda, "{\"caseId\":\"" + caseId + "\",\"reason\":\""
                + agendaReason.text() + "\"}"), 200);
        // A second child of the same members: minutes under a label, then taken off with a reason.
        String second = ok(api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").member("essex-health")
                .json()), 201).get("id").asString();
        ok(api.post(token("coordinator.north"), agenda, "{\"caseId\":\"" + second + "\",\"reason\":\"sweep\"}"), 200);
        ok(api.send(token("chair.north"), "PUT", "/api/meetings/" + meetingId + "/cases/" + second + "/minutes",
                "application/json", "{\"label\":\"police-only\",\"text\":\"" + policeMinutes.text() + "\"}"), 200);
        ok(api.send(token("coordinator.north"), "DELETE", agenda + "/" + second, "application/json",
                "{\"reason\":\"" + agendaRemoved.text() + "\"}"), 200);
        // Minutes corrected once: the original stays, for the readers only, under GET .../minutes/revisions.
        for (Canary text : List.of(minutesOriginal, minutes)) {
            ok(api.send(token("coordinator.north"), "PUT", "/api/meetings/" + meetingId + "/cases/" + caseId + "/minutes",
                    "application/json", "{\"text\":\"" + text.text() + "\"}"), 200);
        }
        ok(api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/cases/" + caseId + "/actions",
                "{\"kind\":\"ACTION\",\"type\":\"PLAN\",\"description\":\"" + action.text()
                        + "\",\"ownerAgency\":\"essex-police\",\"dueDate\":\"" + LocalDate.now().plusDays(7) + "\"}"), 201);
        String disruptionId = ok(api.post(token("police.north"), "/api/disruptions", MatrixFixture.disruption()
                .replace("\"outcome\":\"matrix\"", "\"outcome\":\"" + disruption.text() + "\"")
                .replace("\"type\"", "\"linkedCaseIds\":[\"" + caseId + "\"],\"type\"")), 201).get("id").asString();
        long treeSize = ok(api.post(token("auditor"), "/api/audit/tree-heads", ""), 200).get("treeSize").asLong();
        return new Seeded(caseId, List.copyOf(items), episodeId, meetingId, alertId, disruptionId, treeSize);
    }

    /** Every signed-in caller subscribes to the case's live feed; those the hub refuses are simply left out. */
    private void openFeeds(String caseId) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> opening = new ArrayList<>();
            for (String caller : AuthorizationMatrixTests.CALLERS) {
                if (caller.equals("anonymous")) {
                    continue;
                }
                String token = token(caller);
                opening.add(pool.submit(() -> {
                    try {
                        LiveClient client = LiveClient.connect(baseUrl(), token);
                        if (client.subscribe("/user/queue/cases/" + caseId)) {
                            feeds.put(caller, client);
                        } else {
                            closeQuietly(client);
                        }
                    } catch (Exception refused) {
                        // not allowed on the live channel at all
                    }
                    return null;
                }));
            }
            for (Future<?> f : opening) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void closeQuietly(LiveClient client) {
        try {
            client.close();
        } catch (RuntimeException alreadyClosed) {
            // the hub ended it
        }
    }

    /** Every GET of the authorisation matrix, filled with the seeded ids (each item for item paths), and list variants. */
    private List<String> requests(Seeded s) {
        List<String> paths = new ArrayList<>();
        for (AuthorizationMatrix.Row row : AuthorizationMatrix.load().rows()) {
            boolean get = row.method().equals("GET") || row.method().equals("ANY");
            if (!get || row.kind().equals("STOMP")) {
                continue;
            }
            List<String> ids = row.path().contains("{itemId}") ? s.itemIds() : List.of("");
            for (String itemId : ids) {
                String path = row.path().replace("{caseId}", s.caseId()).replace("{itemId}", itemId)
                        .replace("{episodeId}", s.episodeId()).replace("{meetingId}", s.meetingId())
                        .replace("{alertId}", s.alertId()).replace("{id}", s.disruptionId()).replace("/**", "/ping");
                assertThat(path).as("the leak sweep can fill every placeholder of " + row.path()).doesNotContain("{");
                paths.add(path + switch (row.path()) {
                    case "/api/cases" -> "?size=100";
                    case "/api/cases/{caseId}/intel" -> "?limit=100";
                    case "/api/cases/{caseId}/missing-episodes" -> "?includeDeleted=true";
                    case "/api/alerts" -> "?limit=500";
                    case "/api/audit/entries" -> "?caseId=" + s.caseId() + "&size=1000";
                    case "/api/audit/export.csv" -> "?caseId=" + s.caseId();
                    case "/api/audit/proofs/inclusion" -> "?seq=0&treeSize=" + s.treeSize();
                    case "/api/audit/proofs/consistency" -> "?from=1&to=" + s.treeSize();
                    case "/api/disruptions", "/api/profiles/meetings" -> "?quadrant=NORTH";
                    case "/api/profiles", "/api/profiles/export.csv", "/api/profiles/export.pdf" ->
                            "?quadrant=NORTH" + AuthorizationMatrixTests.PERIOD;
                    case "/api/profiles/county" -> "?" + AuthorizationMatrixTests.PERIOD.substring(1);
                    case "/api/chat/unread", "/api/mace-status" -> "?caseId=" + s.caseId();
                    default -> "";
                });
            }
        }
        return paths;
    }

    /** Everything one caller gets back: every GET, and error bodies from requests that carry a canary. */
    private String fetchAll(String caller, List<String> requests, Seeded s) {
        String token = token(caller);
        StringBuilder all = new StringBuilder();
        for (String path : requests) {
            HubApi.Reply reply = api.get(token, path);
            all.append("\n@@ GET ").append(path).append('\n').append(reply.body()).append(reply.response().headers().map());
        }
        String echo = canaries.get("ECHOED-IN-ERROR").text();
        for (String[] bad : List.of(
                new String[] {"POST", "/api/cases", aCase().childName(echo).district("Atlantis").json()},
                new String[] {"POST", "/api/cases/" + s.caseId() + "/intel", anItem().label("no-such-label").text(echo).json()},
                new String[] {"POST", "/api/cases/" + s.caseId() + "/intel", anItem().text("[[police-only:" + echo).json()},
                new String[] {"POST", "/api/cases/find", "{\"childName\":\"" + echo + "\",\"dateOfBirth\":\"not-a-date\"}"},
                new String[] {"GET", "/api/cases/" + s.caseId() + "/intel/no-such-item", null},
                new String[] {"GET", "/api/cases/no-such-case/intel", null})) {
            HubApi.Reply reply = api.send(token, bad[0], bad[1], bad[2] == null ? null : "application/json", bad[2]);
            all.append("\n@@ ERROR ").append(bad[0]).append(' ').append(bad[1]).append('\n').append(reply.body());
        }
        return all.toString();
    }

    /** Which request of the sweep gave {@code caller} the canary, for the failure message. */
    private String channel(String caller, String text, List<String> requests, Seeded s) {
        String all = fetchAll(caller, requests, s);
        int at = all.indexOf(text);
        int header = all.lastIndexOf("\n@@ ", at);
        return header < 0 ? "?" : all.substring(header + 4, all.indexOf('\n', header + 4));
    }

    private String share(String intelPath, String author, String body) {
        return ok(api.post(token(author), intelPath, body), 201).get("id").asString();
    }

    private static JsonNode ok(HubApi.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }

    @Override
    protected String token(String caller) {
        return CallerTokens.of(tokens, baseUrl(), caller);
    }

}
