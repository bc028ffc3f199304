package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.profile.ProfileOutputs.shown;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.FreshDataDir;
import uk.gov.essex.mace.support.HubApi;

/**
 * A profile built from records seeded through the real APIs, every figure checked, in JSON, CSV and
 * PDF; the suppression rule checked against the subtraction attack on the published output; and no
 * child's name, date of birth or case id anywhere in it.
 *
 * <p>Runs its own hub (own data directory) with a clock the test sets, so that children enter and
 * leave MACE at known times: Q1 2026 is the previous period, Q2 2026 the period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(ProfileFiguresTests.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileFiguresTests {

    private static final Path DATA_DIR = FreshDataDir.create("hub-profile-");
    private static final String Q2 = "from=2026-04-01&to=2026-06-30";

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.storage.data-dir", DATA_DIR::toString);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SettableClock clock;

    @Autowired
    MongoTemplate mongo;

    HubApi api;
    DemoTokens tokens;
    Part2Scenario scenario;

    @BeforeAll
    void seed() {
        api = new HubApi("http://localhost:" + port);
        tokens = new DemoTokens("http://localhost:" + port);
        scenario = new Part2Scenario(api, tokens, UUID.randomUUID().toString().substring(0, 8));
        Part2Scenario s = scenario;
        clock.set(Instant.parse("2026-01-05T09:00:00Z"));
        List<String> p = new ArrayList<>();
        for (String type : List.of("CCE", "CCE", "CCE", "CCE", "CSE", "CSE")) {
            p.add(s.openCase("police.north", "Colchester", type));
        }
        List<String> n = new ArrayList<>();
        for (String type : List.of("CCE", "CCE", "CCE", "CCE", "CCE", "BOTH", "CSE", "CSE", "CSE")) {
            n.add(s.openCase("police.north", "Tendring", type));
        }
        List<String> e = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            e.add(s.openCase("police.north", "Colchester", "NOT_YET_KNOWN"));
        }
        String south = s.openCase("police.south", "Basildon", "CCE");

        // Q1: six children enter MACE, one steps down.
        at("2026-02-10T10:00:00Z");
        p.forEach(c -> s.assess("police.north", c, "HIGH", LocalDate.parse("2026-02-10")));
        at("2026-03-15T10:00:00Z");
        s.assess("police.north", p.get(0), "LOW", LocalDate.parse("2026-03-15"));
        // Q2: nine more enter (and one in the South), two step down.
        at("2026-04-10T10:00:00Z");
        n.forEach(c -> s.assess("police.north", c, "HIGH", LocalDate.parse("2026-04-10")));
        s.assess("police.south", south, "HIGH", LocalDate.parse("2026-04-10"));
        at("2026-05-20T10:00:00Z");
        s.assess("police.north", p.get(1), "LOW", LocalDate.parse("2026-05-20"));
        s.assess("police.north", n.get(5), "LOW", LocalDate.parse("2026-05-20"));

        // Everything else is recorded afterwards, back-dated.
        at("2026-07-05T10:00:00Z");
        episodes(e);
        indicators(n);
        intelligence(n);
        disruptions();
        s.disruption("police.south", "HOUSING_ACTION", "all-members", "2026-06-10", "Market House flats", null, "Basildon");
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    /** Q1: Jan 2, Feb 5, Mar 4; Q2: Apr 6, May 3, Jun 0. At most two per child, 29+ days apart: none meets the criteria. */
    private void episodes(List<String> e) {
        String canary = scenario.identities.get(0);
        String[] q1 = {"2026-01-08", "2026-01-20", "2026-02-02", "2026-02-05", "2026-02-11", "2026-02-17", "2026-02-25",
                "2026-03-03", "2026-03-09", "2026-03-16", "2026-03-27"};
        String[] q2 = {"2026-04-09", "2026-04-13", "2026-04-16", "2026-04-20", "2026-04-24", "2026-04-28", "2026-05-04",
                "2026-05-15", "2026-05-28"};
        String[] q1Found = {null, null, "Colchester Bus Station.", "Colchester Bus Station.", "Colchester Bus Station.",
                "Colchester Bus Station.", "Colchester Bus Station.", null, null, null, null};
        String[] q2Found = {"Found at Travelodge Colchester Central, CO1 1XY", "Found at Travelodge Colchester Central, CO1 1XY",
                "Colchester bus station", "Colchester bus station", "Colchester bus station",
                "Found at home of " + canary, null, null, null};
        for (int i = 0; i < q1.length; i++) {
            scenario.episode(e.get(i), q1[i] + "T20:00:00Z", q1Found[i]);
        }
        for (int i = 0; i < q2.length; i++) {
            // Q2 starts on the next child along, so each child's two episodes are at least 60 days apart.
            scenario.episode(e.get((i + 2) % e.size()), q2[i] + "T20:00:00Z", q2Found[i]);
        }
    }

    /** Q2: phones 7, hotel keys 5, gangs 1; Q1: phones 3, money 6. */
    private void indicators(List<String> cases) {
        record Seen(String indicator, String on, int times) {}
        int k = 0;
        for (Seen seen : List.of(new Seen("MULTIPLE_PHONES_OR_SIMS", "2026-05-02", 7), new Seen("HOTEL_OR_UNKNOWN_KEYS", "2026-06-01", 5),
                new Seen("GANG_ASSOCIATION", "2026-04-20", 1), new Seen("MULTIPLE_PHONES_OR_SIMS", "2026-02-02", 3),
                new Seen("UNEXPLAINED_MONEY_OR_GIFTS", "2026-03-03", 6))) {
            for (int i = 0; i < seen.times(); i++) {
                scenario.indicator(cases.get(k++ % cases.size()), seen.indicator(), LocalDate.parse(seen.on()));
            }
        }
    }

    private void intelligence(List<String> n) {
        String travelodge = "Travelodge Colchester Central";
        for (int i = 0; i < 4; i++) {
            scenario.intel(n.get(i), "all-members", "2026-04-1" + i + "T21:00:00Z", travelodge, "CO1 1XY", "Colchester");
        }
        scenario.intel(n.get(4), "all-members", "2026-05-01T21:00:00Z", "travelodge  colchester central", "co1 1xy", "colchester");
        scenario.intel(n.get(5), "police-only", "2026-05-02T21:00:00Z", "The Travelodge Colchester Central", null, null);
        scenario.intel(n.get(6), "police-source-protected", "2026-05-03T21:00:00Z", travelodge, "CO1 1XY", "Colchester");
        scenario.intel(n.get(0), "all-members", "2026-02-01T21:00:00Z", travelodge, "CO1 1XY", "Colchester");
        scenario.intel(n.get(1), "all-members", "2026-03-01T21:00:00Z", travelodge, "CO1 1XY", "Colchester");
        for (int i = 0; i < 3; i++) {
            scenario.intel(n.get(i), "all-members", "2026-06-0" + (i + 1) + "T21:00:00Z", "Colchester Bus Station", null,
                    "Colchester");
        }
        for (int i = 0; i < 4; i++) {
            scenario.intel(n.get(i), "all-members", "2026-06-1" + i + "T21:00:00Z", "Clacton Pier", "CO15 1QX", "Tendring");
        }
    }

    private void disruptions() {
        Part2Scenario s = scenario;
        for (int i = 0; i < 3; i++) {
            s.disruption("council.north", "HOTEL_OR_PREMISES_CHECK", "all-members", "2026-04-2" + i,
                    "Travelodge Colchester Central", "CO1 1XY", "Colchester");
        }
        for (int i = 0; i < 5; i++) {
            s.disruption("csp.north", "PARTNERSHIP_PATROL", "all-members", "2026-05-0" + (i + 1), "Jaywick Amusements",
                    "CO15 2LQ", "Tendring");
        }
        s.disruption("council.north", "LICENSING_INSPECTION", "enforcement-partners", "2026-06-03", "Kebab House", null,
                "Colchester");
        s.disruption("council.north", "LICENSING_INSPECTION", "all-members", "2026-06-04", "Kebab House", null, "Colchester");
        s.disruption("police.north", "CLOSURE_ORDER", "police-only", "2026-06-15", "Pier Avenue flats", null, "Tendring");
        s.disruption("police.north", "TRADING_STANDARDS", "police-source-protected", "2026-05-10",
                "Travelodge Colchester Central", "CO1 1XY", "Colchester");
        s.disruption("csp.north", "PARTNERSHIP_PATROL", "all-members", "2026-02-14", "Jaywick Amusements", "CO15 2LQ", "Tendring");
        s.disruption("csp.north", "PARTNERSHIP_PATROL", "all-members", "2026-02-21", "Jaywick Amusements", "CO15 2LQ", "Tendring");
        for (int i = 0; i < 4; i++) {
            s.disruption("council.north", "TAXI_LICENSING_ACTION", "all-members", "2026-03-0" + (i + 2), "Rank 7 Taxis", null,
                    "Colchester");
        }
    }

    private JsonNode profile(String user, String query) {
        HubApi.Reply reply = api.get(tokens.user(user), "/api/profiles?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, List<String>> headline(JsonNode p) {
        Map<String, List<String>> figures = new LinkedHashMap<>();
        p.get("headline").forEach(t -> figures.put(t.get("key").asString(),
                List.of(shown(t.get("current")), shown(t.get("previous")), change(t.get("change")))));
        return figures;
    }

    private static String change(JsonNode c) {
        return c.isObject() ? "suppressed" : (c.asLong() > 0 ? "+" : "") + c.asLong();
    }

    private static List<String> rows(JsonNode breakdown, String field) {
        List<String> values = new ArrayList<>(ProfileOutputs.shown(breakdown.get("rows"), field));
        values.add(shown(breakdown.get("total").get(field)));
        return values;
    }

    private static List<String> series(JsonNode series, boolean previous) {
        List<String> values = new ArrayList<>(ProfileOutputs.shown(series.get(previous ? "previous" : "current"), "count"));
        values.add(shown(series.get(previous ? "previousTotal" : "total")));
        return values;
    }

    @Test
    void whenQuadrantProfileThenEveryFigure() {
        JsonNode p = profile("analyst.north", "quadrant=NORTH&" + Q2);

        assertThat(p.get("scope").asString()).isEqualTo("NORTH");
        assertThat(p.get("previousPeriod").toString()).isEqualTo("{\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}");
        assertThat(headline(p)).containsExactly(
                Map.entry("childrenOnMace", List.of("14", "6", "+8")),
                Map.entry("newToMace", List.of("9", "6", "+3")),
                Map.entry("steppedDown", List.of("<5", "<5", "suppressed")),
                Map.entry("missingEpisodes", List.of("9", "11", "-2")),
                Map.entry("indicatorsRecorded", List.of("13", "9", "+4")),
                Map.entry("disruptionUpdates", List.of("11", "6", "+5")));
        // Children on MACE by type (CSE, CCE, BOTH, NOT_YET_KNOWN, total): 5, 8, 1, 0 | 14 on; 3, 5, 1, 0 | 9 new; 0, 1, 1, 0 | 2 down.
        JsonNode mace = p.get("mace");
        assertThat(mace.get("byType").findValuesAsString("exploitationType")).containsExactly("CSE", "CCE", "BOTH", "NOT_YET_KNOWN");
        assertThat(ProfileOutputs.shown(mace.get("byType"), "onMace")).containsExactly("<5", "8", "<5", "0");
        assertThat(ProfileOutputs.shown(mace.get("byType"), "newToMace")).containsExactly("<5", "<5", "<5", "0");
        assertThat(ProfileOutputs.shown(mace.get("byType"), "steppedDown")).containsExactly("0", "<5", "<5", "0");
        assertThat(List.of(shown(mace.get("total").get("onMace")), shown(mace.get("total").get("newToMace")),
                shown(mace.get("total").get("steppedDown")))).containsExactly("14", "9", "<5");
        // Missing episodes: Apr 6, May 3, Jun 0 | 9; previously Jan 2, Feb 5, Mar 4 | 11.
        assertThat(p.get("missingEpisodes").get("current").findValuesAsString("month")).containsExactly("2026-04", "2026-05", "2026-06");
        assertThat(p.get("missingEpisodes").get("previous").findValuesAsString("month")).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(series(p.get("missingEpisodes"), false)).containsExactly("<5", "<5", "0", "9");
        assertThat(series(p.get("missingEpisodes"), true)).containsExactly("<5", "5", "<5", "11");
        // Indicators: phones 7, hotel keys 5, gangs 1 | 13; previously phones 3, money 6 | 9.
        Map<String, String> indicatorsNow = new LinkedHashMap<>();
        Map<String, String> indicatorsBefore = new LinkedHashMap<>();
        p.get("indicators").get("rows").forEach(r -> {
            indicatorsNow.put(r.get("key").asString(), shown(r.get("current")));
            indicatorsBefore.put(r.get("key").asString(), shown(r.get("previous")));
        });
        assertThat(indicatorsNow).hasSize(13).containsEntry("MULTIPLE_PHONES_OR_SIMS", "7")
                .containsEntry("HOTEL_OR_UNKNOWN_KEYS", "<5").containsEntry("GANG_ASSOCIATION", "<5")
                .containsEntry("UNEXPLAINED_MONEY_OR_GIFTS", "0").containsEntry("CHANGE_IN_BEHAVIOUR", "0");
        assertThat(indicatorsNow.values().stream().filter("0"::equals)).hasSize(10);
        assertThat(indicatorsBefore).containsEntry("MULTIPLE_PHONES_OR_SIMS", "<5").containsEntry("UNEXPLAINED_MONEY_OR_GIFTS", "<5");
        assertThat(indicatorsBefore.values().stream().filter("0"::equals)).hasSize(11);
        assertThat(List.of(shown(p.get("indicators").get("total").get("current")),
                shown(p.get("indicators").get("total").get("previous")))).containsExactly("13", "9");
        // Disruption updates by type, in DisruptionType order; source-protected ones are never counted.
        assertThat(rows(p.get("disruptionsByType"), "current"))
                .containsExactly("<5", "<5", "0", "0", "<5", "0", "5", "0", "0", "0", "11");
        assertThat(rows(p.get("disruptionsByType"), "previous"))
                .containsExactly("0", "0", "0", "0", "0", "<5", "<5", "0", "0", "0", "6");
        assertThat(p.get("disruptionsByDistrict").get("rows").findValuesAsString("key")).containsExactly("Colchester", "Tendring");
        assertThat(rows(p.get("disruptionsByDistrict"), "current")).containsExactly("5", "6", "11");
        assertThat(rows(p.get("disruptionsByDistrict"), "previous")).containsExactly("<5", "<5", "6");
        assertThat(series(p.get("disruptionUpdates"), false)).containsExactly("<5", "5", "<5", "11");
        assertThat(series(p.get("disruptionUpdates"), true)).containsExactly("0", "<5", "<5", "6");
        // Hotspots: three places with 5+ mentions; Clacton Pier (4), Kebab House (2) and the canary's home (1) are not named.
        JsonNode hotspots = p.get("hotspots");
        assertThat(hotspots).hasSize(3);
        assertThat(hotspot(hotspots.get(0))).containsExactly("1", "Travelodge Colchester Central", "Colchester", "11", "6",
                "<5", "<5", "<5", "suppressed");
        assertThat(hotspot(hotspots.get(1))).containsExactly("2", "Colchester Bus Station", "Colchester", "6", "<5", "<5",
                "0", "5", "+1");
        assertThat(hotspot(hotspots.get(2))).containsExactly("3", "Jaywick Amusements", "Tendring", "5", "0", "0", "5",
                "<5", "suppressed");
        assertThat(p.has("byQuadrant")).isFalse();

        ProfileOutputs.assertSubtractionRecoversNothing(p);
        assertThat(p.toString()).doesNotContain("Clacton", "Kebab", "Pier Avenue", "Market House", "Rank 7");
        assertNoIdentity(p.toString());
    }

    private static List<String> hotspot(JsonNode h) {
        return List.of(h.get("rank").toString(), h.get("place").asString(), h.get("district").asString(),
                shown(h.get("total")), shown(h.get("intelligence")), shown(h.get("missingFound")),
                shown(h.get("disruption")), shown(h.get("previousTotal")), change(h.get("change")));
    }

    @Test
    void whenCountyProfileThenEveryQuadrantAndTheSubtractionAttackFails() {
        JsonNode p = profile("subcommittee", "quadrant=ALL&" + Q2);
        JsonNode same = api.get(tokens.user("subcommittee"), "/api/profiles/county?" + Q2).json();

        assertThat(same.get("headline")).isEqualTo(p.get("headline"));
        assertThat(p.get("scope").asString()).isEqualTo("COUNTY");
        assertThat(headline(p)).containsExactly(
                Map.entry("childrenOnMace", List.of("15", "6", "+9")),
                Map.entry("newToMace", List.of("10", "6", "+4")),
                Map.entry("steppedDown", List.of("<5", "<5", "suppressed")),
                Map.entry("missingEpisodes", List.of("9", "11", "-2")),
                Map.entry("indicatorsRecorded", List.of("13", "9", "+4")),
                Map.entry("disruptionUpdates", List.of("12", "6", "+6")));
        JsonNode mace = p.get("mace");
        assertThat(ProfileOutputs.shown(mace.get("byType"), "onMace")).containsExactly("<5", "9", "<5", "0");
        assertThat(ProfileOutputs.shown(mace.get("byType"), "newToMace")).containsExactly("<5", "<5", "<5", "0");
        // By quadrant (MID, NORTH, SOUTH, WEST): the South's single child is withheld, and so the North's 14 with it.
        assertThat(p.get("byQuadrant").findValuesAsString("quadrant")).containsExactly("MID", "NORTH", "SOUTH", "WEST");
        assertThat(ProfileOutputs.shown(p.get("byQuadrant"), "onMace")).containsExactly("0", "<5", "<5", "0");
        assertThat(ProfileOutputs.shown(p.get("byQuadrant"), "newToMace")).containsExactly("0", "<5", "<5", "0");
        assertThat(ProfileOutputs.shown(p.get("byQuadrant"), "steppedDown")).containsExactly("0", "<5", "0", "0");
        assertThat(ProfileOutputs.shown(p.get("byQuadrant"), "missingEpisodes")).containsExactly("0", "9", "0", "0");
        assertThat(ProfileOutputs.shown(p.get("byQuadrant"), "disruptionUpdates")).containsExactly("0", "<5", "<5", "0");
        assertThat(rows(p.get("disruptionsByType"), "current"))
                .containsExactly("<5", "<5", "0", "0", "<5", "0", "5", "0", "<5", "0", "12");
        Map<String, String> districts = new LinkedHashMap<>();
        p.get("disruptionsByDistrict").get("rows").forEach(r -> districts.put(r.get("key").asString(), shown(r.get("current"))));
        assertThat(districts).hasSize(12).containsEntry("Colchester", "<5").containsEntry("Tendring", "6")
                .containsEntry("Basildon", "<5").containsEntry("Harlow", "0");
        assertThat(series(p.get("disruptionUpdates"), false)).containsExactly("<5", "5", "<5", "12");
        assertThat(p.get("hotspots")).hasSize(3);

        ProfileOutputs.assertSubtractionRecoversNothing(p);
        assertNoIdentity(p.toString());
    }

    @Test
    void whenExportedAsCsvThenTheSameFiguresAndNoIdentity() {
        JsonNode p = profile("staysafe.north", "quadrant=NORTH&" + Q2);
        HubApi.Reply csv = api.get(tokens.user("staysafe.north"), "/api/profiles/export.csv?quadrant=NORTH&" + Q2);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("mace-part2-north-2026-04-01-to-2026-06-30.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,item,current,previous,change,intelligence,missing_found,disruption");
        assertThat(lines).contains(
                "headline,Children on MACE,14,6,+8",
                "headline,New to MACE,9,6,+3",
                "headline,Stepped down from MACE,<5,<5,suppressed",
                "headline,Missing episodes,9,11,-2",
                "headline,Exploitation indicators recorded,13,9,+4",
                "headline,Disruption updates,11,6,+5",
                "children on MACE,CSE,<5", "children on MACE,CCE,8", "children on MACE,BOTH,<5",
                "children on MACE,NOT_YET_KNOWN,0", "children on MACE,TOTAL,14",
                "new to MACE,TOTAL,9", "stepped down from MACE,TOTAL,<5",
                "missing episodes by month,2026-04,<5", "missing episodes by month,2026-06,0",
                "missing episodes by month,TOTAL,9", "missing episodes by month (previous period),2026-02,5",
                "indicators,Multiple phones or sims,7,<5,suppressed", "indicators,All indicators,13,9,+4",
                "disruptions by type,Partnership patrol,5,<5,suppressed", "disruptions by type,All types,11,6,+5",
                "disruptions by district,Colchester,5,<5,suppressed", "disruptions by district,Tendring,6,<5,suppressed",
                "hotspots,1. Travelodge Colchester Central (Colchester),11,<5,suppressed,6,<5,<5",
                "hotspots,2. Colchester Bus Station (Colchester),6,5,+1,<5,<5,0",
                "hotspots,3. Jaywick Amusements (Tendring),5,<5,suppressed,0,0,5");
        assertThat(lines).noneMatch(l -> l.matches(".*,[1-4](,.*)?$") && !l.startsWith("profile,"));
        assertNoIdentity(csv.body());
        assertThat(csv.body()).doesNotContain("Clacton", "Kebab");
        assertThat(p.get("headline").get(0).get("current").asLong()).isEqualTo(14);
    }

    @Test
    void whenExportedAsPdfThenTheSameFiguresAndNoIdentity() throws IOException {
        HttpResponse<byte[]> pdf;
        try {
            pdf = HttpClient.newHttpClient().send(
                    api.builder(tokens.user("chair.north"), "/api/profiles/export.pdf?quadrant=NORTH&" + Q2).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("MACE Part 2 local problem profile: NORTH", "Period 2026-04-01 to 2026-06-30",
                "Children on MACE 14 6 +8", "New to MACE 9 6 +3", "Stepped down from MACE <5 <5 suppressed",
                "Missing episodes 9 11 -2", "Exploitation indicators recorded 13 9 +4", "Disruption updates 11 6 +5",
                "CSE <5 <5 0", "CCE 8 <5 <5", "BOTH <5 <5 <5", "All 14 9 <5",
                "Missing episodes by month (total 9; previous period 11)", "2026-04 <5", "2026-06 0",
                "Multiple phones or sims 7", "Partnership patrol 5",
                "1. Travelodge Colchester Central (Colchester) 11 6 <5 <5 <5 suppressed",
                "2. Colchester Bus Station (Colchester) 6 <5 <5 0 5 +1",
                "3. Jaywick Amusements (Tendring) 5 0 0 5 <5 suppressed");
        assertNoIdentity(text);
        assertThat(text).doesNotContain("Clacton", "Kebab");
    }

    @Test
    void whenProfileOrExportReadThenAuditedWithoutContent() {
        api.get(tokens.user("coordinator.north"), "/api/profiles/export.csv?quadrant=NORTH&" + Q2);

        Document entry = mongo.getCollection("audit_entries")
                .find(new Document("action", "profile.export").append("actor.subject", "coordinator.north"))
                .sort(new Document("seq", -1)).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getList("targets", String.class)).containsExactly("profile:NORTH");
        assertThat(entry.get("details", Document.class)).containsEntry("format", "csv")
                .containsEntry("from", "2026-04-01").containsEntry("to", "2026-06-30");
        assertNoIdentity(entry.toJson());
    }

    private void assertNoIdentity(String output) {
        for (String identity : scenario.identities) {
            assertThat(output).doesNotContain(identity);
        }
        for (String caseId : scenario.caseIds) {
            assertThat(output).doesNotContain(caseId);
        }
        assertThat(output).doesNotContain("CANARY").doesNotContain("caseId");
    }
}
