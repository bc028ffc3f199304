package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import uk.gov.essex.mace.support.FreshDataDir;
import uk.gov.essex.mace.support.MutableClock;
import uk.gov.essex.mace.support.MutableClockConfiguration;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.HubApplication;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * The criteria table again, end to end and with an injected clock: each row's missing episodes are
 * reported over HTTP by police (in the row's order, back-dated as the row says) to a hub whose one
 * {@link Clock} the test sets, and the row decides whether the case gets its MISSING_EPISODES
 * alert. Corrections and deletions are real writes. The rows are the pure engine's rows
 * ({@link MaceCriteriaTests}) moved to 2027, so both of that year's clock changes (28 March, 31
 * October) fall inside the windows that test them; the clock stands one minute after the last
 * start, so "not in the future" and "late report" are measured against it, at their edges too.
 * Its own Spring context (the clock bean differs); the scheduled jobs are off.
 */
@SpringBootTest(classes = {HubApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.mace.re-evaluation-cron=-", "hub.mace.escalation-cron=-", "hub.retention.evaluation-cron=-"})
@ActiveProfiles("demo")
class MaceCriteriaClockTests {

    private static final Path DATA_DIR = FreshDataDir.create("hub-mace-clock-");

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.storage.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private HubApi api;
    private static DemoTokens tokens;
    private static int tokensPort;

    @BeforeEach
    void connect() {
        api = new HubApi("http://localhost:" + port);
        synchronized (MaceCriteriaClockTests.class) {
            if (tokens == null || tokensPort != port) {
                tokens = new DemoTokens("http://localhost:" + port);
                tokensPort = port;
            }
        }
    }

    /** The same London wall-clock time a year later. */
    static Instant nextYear(Instant start) {
        return start.atZone(MaceCriteria.LONDON).plusYears(1).toInstant();
    }

    /** A change made after the episodes are reported. */
    enum Then { NOTHING, DELETE_THIRD, CORRECT_THIRD_OUT, CORRECT_THIRD_IN }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        MaceCriteriaTests.missingEpisodeWindows().forEach(row -> {
            Object[] a = row.get();
            String name = (String) a[0];
            if (name.startsWith("correction") || name.startsWith("deleted")) {
                return; // made by real writes below
            }
            @SuppressWarnings("unchecked")
            List<Instant> starts = ((List<Instant>) a[1]).stream().map(MaceCriteriaClockTests::nextYear).toList();
            rows.add(Arguments.of(name, starts, Then.NOTHING, null, a[2]));
        });
        List<Instant> three = Stream.of("2027-02-01T12:00", "2027-02-10T12:00", "2027-03-01T11:59")
                .map(MaceCriteriaTests::london).toList();
        rows.add(Arguments.of("third deleted after the alert", three, Then.DELETE_THIRD, null, true));
        rows.add(Arguments.of("third corrected to one minute outside 28 days", three,
                Then.CORRECT_THIRD_OUT, MaceCriteriaTests.london("2027-03-01T12:01"), true));
        List<Instant> outside = Stream.of("2027-02-01T12:00", "2027-02-10T12:00", "2027-03-01T12:00")
                .map(MaceCriteriaTests::london).toList();
        rows.add(Arguments.of("third corrected to one minute inside", outside, Then.CORRECT_THIRD_IN,
                MaceCriteriaTests.london("2027-03-01T11:59"), true));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void whenEpisodesReportedThroughTheHubThenCriteriaAsTheTableSays(String name, List<Instant> starts, Then then,
            Instant correctedStart, boolean alerted) {
        Instant last = starts.stream().max(Comparator.naturalOrder()).orElseThrow();
        Instant now = (correctedStart != null && correctedStart.isAfter(last) ? correctedStart : last).plus(Duration.ofMinutes(1));
        clock.set(now);
        String caseId = post("/api/cases", aCase().member("essex-csc").json()).get("id").asString();
        List<String> ids = new ArrayList<>();
        for (Instant start : starts) {
            ids.add(post("/api/cases/" + caseId + "/missing-episodes", anEpisode().startedAt(start).json()).get("id").asString());
        }
        String third = ids.size() >= 3 ? ids.get(2) : null;
        boolean metAfterReports = !history(caseId).isEmpty();
        switch (then) {
            case DELETE_THIRD -> assertThat(api.send(token(), "DELETE", "/api/cases/" + caseId + "/missing-episodes/" + third,
                    "application/json", "{\"version\":1,\"reason\":\"wrong child\"}").status()).isEqualTo(200);
            case CORRECT_THIRD_OUT, CORRECT_THIRD_IN -> assertThat(api.send(token(), "PUT", "/api/cases/" + caseId
                    + "/missing-episodes/" + third, "application/json", anEpisode().version(1).startedAt(correctedStart)
                    .reason("time misread").json()).status()).isEqualTo(200);
            case NOTHING -> { }
        }

        assertThat(alert(caseId)).as(name + ": alerted").isEqualTo(alerted);
        JsonNode history = history(caseId);
        switch (then) {
            case NOTHING -> assertThat(history).as(name).hasSize(alerted ? 1 : 0);
            case DELETE_THIRD, CORRECT_THIRD_OUT -> {
                assertThat(metAfterReports).isTrue();
                assertThat(history).as(name + ": entered, then left").hasSize(2);
                assertThat(history.get(1).get("left").get(0).asString()).isEqualTo("MISSING_EPISODES");
                assertThat(current(caseId).get("inCriteria").asBoolean()).isFalse();
            }
            case CORRECT_THIRD_IN -> {
                assertThat(metAfterReports).isFalse();
                assertThat(history).hasSize(1);
                assertThat(history.get(0).get("cause").asString()).isEqualTo("missing-episode.corrected");
            }
        }
        if (!history.isEmpty()) {
            assertThat(Instant.parse(history.get(0).get("at").asString())).as("evaluated on the injected clock").isEqualTo(now);
        }
    }

    static Stream<Arguments> startsAgainstTheClock() {
        return Stream.of(
                Arguments.of("start at the clock's now", Duration.ZERO, 201, false),
                Arguments.of("start one second after the clock's now", Duration.ofSeconds(-1), 400, false),
                Arguments.of("start exactly 24 hours before: not late", Duration.ofHours(24), 201, false),
                Arguments.of("start 24 hours and a minute before: a late (back-dated) report", Duration.ofHours(24).plusMinutes(1), 201, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startsAgainstTheClock")
    void whenStartNearTheInjectedNowThenFutureAndLateDecidedByIt(String name, Duration before, int status, boolean late) {
        Instant now = MaceCriteriaTests.london("2027-06-15T10:00");
        clock.set(now);
        String caseId = post("/api/cases", aCase().member("essex-csc").json()).get("id").asString();

        HubApi.Reply reply = api.post(token(), "/api/cases/" + caseId + "/missing-episodes",
                anEpisode().startedAt(now.minus(before)).json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (status == 201) {
            assertThat(reply.json().get("lateReport").asBoolean()).isEqualTo(late);
            assertThat(reply.json().get("recordedAt").asString()).isEqualTo(now.toString());
        } else {
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:future-start");
        }
    }

    private String token() {
        return tokens.user("police.north");
    }

    private JsonNode post(String path, String json) {
        HubApi.Reply reply = api.post(token(), path, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private boolean alert(String caseId) {
        for (JsonNode a : api.get(tokens.user("coordinator.north"), "/api/alerts?status=OPEN&limit=500").json()) {
            if (a.get("id").asString().equals(caseId + ":MISSING_EPISODES:1")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode current(String caseId) {
        HubApi.Reply reply = api.get(token(), "/api/cases/" + caseId + "/mace-standing");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode history(String caseId) {
        return current(caseId).get("history");
    }
}
