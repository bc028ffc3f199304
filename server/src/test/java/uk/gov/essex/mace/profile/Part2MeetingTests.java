package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Part 2 meetings: who records them, what they keep (sealed), who reads the themes, bad input. */
class Part2MeetingTests extends HubIntegrationTest {

    private static int nextYear = 1990;

    /** A quarter no other test uses (one meeting per quadrant and quarter), long past. */
    private static synchronized String uniqueQuarter() {
        return (nextYear++) + "-Q2";
    }

    private static String meeting(String quadrant, String quarter, LocalDate heldOn, String theme) {
        return "{\"quadrant\":\"" + quadrant + "\",\"quarter\":\"" + quarter + "\",\"heldOn\":\"" + heldOn + "\",\"themes\":["
                + "{\"title\":\"Hotel keys\",\"detail\":\"" + theme + "\",\"shareWith\":[\"STAY_SAFE_GROUPS\",\"WIDER_WORKFORCE\"]},"
                + "{\"title\":\"Taxi ranks\",\"detail\":\"Night-time economy briefing\",\"shareWith\":[\"WIDER_WORKFORCE\"]}]}";
    }

    static Stream<Arguments> recorders() {
        return Stream.of(Arguments.of("coordinator.north", 201), Arguments.of("chair.north", 201),
                Arguments.of("staysafe.north", 201), Arguments.of("analyst.north", 403), Arguments.of("police.north", 403),
                Arguments.of("coordinator.south", 403), Arguments.of("subcommittee", 403), Arguments.of("admin", 403));
    }

    @ParameterizedTest(name = "{0} records a North Part 2 meeting: {1}")
    @MethodSource("recorders")
    void whenRecordingThenCoordinatorsChairsAndStaySafeLeadsOfTheQuadrant(String user, int status) {
        long before = mongo.getCollection("part2_meetings").countDocuments();
        String quarter = uniqueQuarter();

        HubApi.Reply reply = api.post(token(user), "/api/profiles/meetings",
                meeting("NORTH", quarter, LocalDate.parse(quarter.substring(0, 4) + "-07-10"), "Keys found on children"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(mongo.getCollection("part2_meetings").countDocuments()).isEqualTo(before + (status == 201 ? 1 : 0));
    }

    @Test
    void whenRecordedThenThemesAreSealedAndReadByTheQuadrantsProfileReaders() {
        String quarter = uniqueQuarter();
        String theme = "CANARY-THEME-" + UUID.randomUUID();

        HubApi.Reply recorded = api.post(token("staysafe.north"), "/api/profiles/meetings",
                meeting("north", quarter, LocalDate.parse(quarter.substring(0, 4) + "-06-30"), theme));
        HubApi.Reply again = api.post(token("coordinator.north"), "/api/profiles/meetings",
                meeting("NORTH", quarter, LocalDate.parse(quarter.substring(0, 4) + "-07-01"), "again"));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        assertThat(id).isEqualTo("NORTH:" + quarter);
        assertThat(again.status()).isEqualTo(409);
        Document raw = mongo.getCollection("part2_meetings").find(new Document("_id", id)).first();
        assertThat(raw.toJson()).doesNotContain(theme, "Hotel keys");
        JsonNode listed = null;
        for (JsonNode m : api.get(token("analyst.north"), "/api/profiles/meetings?quadrant=NORTH").json()) {
            if (m.get("id").asString().equals(id)) {
                listed = m;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("themes").get(0).get("detail").asString()).isEqualTo(theme);
        assertThat(listed.get("themes").get(0).get("shareWith").toString()).contains("STAY_SAFE_GROUPS", "WIDER_WORKFORCE");
        assertThat(api.get(token("subcommittee"), "/api/profiles/meetings?quadrant=ALL").body()).contains(theme);
        assertThat(api.get(token("analyst.south"), "/api/profiles/meetings?quadrant=NORTH").status()).isEqualTo(403);
        assertThat(api.get(token("police.north"), "/api/profiles/meetings?quadrant=NORTH").status()).isEqualTo(403);
    }

    static Stream<Arguments> badMeetings() {
        YearMonth now = YearMonth.now();
        String thisQuarter = now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1);
        return Stream.of(
                Arguments.of(meeting("EAST", "1980-Q1", LocalDate.parse("1980-04-01"), "x"), "unknown-quadrant"),
                Arguments.of(meeting("NORTH", "1980-Q5", LocalDate.parse("1980-04-01"), "x"), "invalid-quarter"),
                Arguments.of(meeting("NORTH", "Q1 1980", LocalDate.parse("1980-04-01"), "x"), "invalid-quarter"),
                Arguments.of(meeting("NORTH", thisQuarter, LocalDate.now().plusDays(1), "x"), "held-in-future"),
                Arguments.of(meeting("NORTH", "1980-Q3", LocalDate.parse("1980-06-30"), "x"), "held-before-quarter"),
                Arguments.of("{\"quadrant\":\"NORTH\",\"quarter\":\"1980-Q1\",\"heldOn\":\"1980-04-01\",\"themes\":[]}",
                        "validation"),
                Arguments.of(meeting("NORTH", "1980-Q1", LocalDate.parse("1980-04-01"), "x")
                        .replace("\"WIDER_WORKFORCE\"]}]", "\"EVERYONE\"]}]"), "malformed-body"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badMeetings")
    void whenMeetingBadThenProblemAndNothingStored(String body, String slug) {
        long before = mongo.getCollection("part2_meetings").countDocuments();

        HubApi.Reply reply = api.post(token("coordinator.north"), "/api/profiles/meetings", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + slug);
        assertThat(mongo.getCollection("part2_meetings").countDocuments()).isEqualTo(before);
    }
}
