package uk.gov.essex.mace.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.disruption.DisruptionRequests.anUpdate;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Who sees a disruption update, and how much: the MACE membership of the place's quadrant, and the
 * readers of a linked case, each through the one projection; labels narrow it to a placeholder or
 * to nothing. Lists filter, and refuse bad filters.
 */
class DisruptionVisibilityTests extends HubIntegrationTest {

    private String posted(String user, DisruptionRequests update) {
        HubApi.Reply reply = api.post(token(user), "/api/disruptions", update.json());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("coordinator.north", "full"), Arguments.of("chair.north", "full"),
                Arguments.of("police.north", "full"), Arguments.of("csc.north", "full"),
                Arguments.of("health.north", "full"), Arguments.of("education.north", "full"),
                Arguments.of("council.north", "full"), Arguments.of("csp.north", "full"),
                Arguments.of("coordinator.south", "none"), Arguments.of("police.south", "none"),
                Arguments.of("council.south", "none"), Arguments.of("analyst.north", "none"),
                Arguments.of("staysafe.north", "none"), Arguments.of("subcommittee", "none"),
                Arguments.of("admin", "none"), Arguments.of("auditor", "none"));
    }

    @ParameterizedTest(name = "{0} reads a North update: {1}")
    @MethodSource("readers")
    void whenReadingThenTheQuadrantsMaceMembershipSeesIt(String user, String expected) {
        String id = posted("council.north", anUpdate());

        HubApi.Reply reply = api.get(token(user), "/api/disruptions/" + id);

        if (expected.equals("full")) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("place").get("premisesName").asString()).isEqualTo("Station Hotel");
        } else {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("Station Hotel");
        }
    }

    @Test
    void whenLabelledForEnforcementPartnersThenOthersGetAPlaceholder() {
        String secret = "CANARY-OPERATION-" + UUID.randomUUID();
        String id = posted("council.north", anUpdate().type("CLOSURE_ORDER").label("enforcement-partners")
                .place(secret, "CO2 7AA", "Colchester").outcome(secret).text(secret));

        JsonNode health = api.get(token("health.north"), "/api/disruptions/" + id).json();
        JsonNode police = api.get(token("police.north"), "/api/disruptions/" + id).json();
        JsonNode coordinator = api.get(token("coordinator.north"), "/api/disruptions/" + id).json();

        assertThat(health.get("withheld").get("labelName").asString()).isEqualTo("Enforcement partners");
        assertThat(health.get("withheld").get("owningAgency").asString()).isEqualTo("colchester-council");
        assertThat(health.has("place") || health.has("outcome") || health.has("type")).isFalse();
        assertThat(health.toString()).doesNotContain(secret);
        assertThat(police.get("outcome").asString()).isEqualTo(secret);
        assertThat(coordinator.get("outcome").asString()).isEqualTo(secret);
    }

    @Test
    void whenPoliceOnlyThenOnlyThePoliceSeeIt() {
        String id = posted("police.north", anUpdate().label("police-only"));

        assertThat(api.get(token("chair.north"), "/api/disruptions/" + id).json().has("place")).isTrue();
        assertThat(api.get(token("council.north"), "/api/disruptions/" + id).json().has("withheld")).isTrue();
        assertThat(api.get(token("coordinator.north"), "/api/disruptions/" + id).json().has("withheld")).isTrue();
    }

    @Test
    void whenSourceProtectedThenNobodyElseLearnsItExists() {
        String id = posted("police.north", anUpdate().label("police-source-protected").type("TRADING_STANDARDS"));

        assertThat(api.get(token("police.north"), "/api/disruptions/" + id).status()).isEqualTo(200);
        for (String user : List.of("chair.north", "coordinator.north", "council.north")) {
            assertThat(api.get(token(user), "/api/disruptions/" + id).status()).isEqualTo(404);
            assertThat(api.get(token(user), "/api/disruptions?quadrant=NORTH&type=TRADING_STANDARDS&limit=100").body())
                    .doesNotContain(id);
        }
    }

    @Test
    void whenLinkedToACaseThenItsReadersSeeItInTheTimelineWhateverTheirQuadrant() {
        // A South child found at a North hotel: the South case's readers see the North update.
        String southCase = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").member("essex-csc")
                .json()).json().get("id").asString();
        String northCase = api.post(token("police.north"), "/api/cases", aCase().member("colchester-council").json())
                .json().get("id").asString();
        String id = posted("police.north", anUpdate().place("Harbour View Hotel", "CO15 1AA", "Tendring")
                .linkedCase(southCase).linkedCase(northCase));

        HubApi.Reply southTimeline = api.get(token("csc.south"), "/api/cases/" + southCase + "/disruptions");
        HubApi.Reply southRead = api.get(token("csc.south"), "/api/disruptions/" + id);
        HubApi.Reply councilTimeline = api.get(token("council.north"), "/api/cases/" + northCase + "/disruptions");
        HubApi.Reply healthTimeline = api.get(token("health.north"), "/api/cases/" + northCase + "/disruptions");
        HubApi.Reply noCase = api.get(token("council.north"), "/api/cases/" + UUID.randomUUID() + "/disruptions");

        assertThat(southTimeline.status()).isEqualTo(200);
        assertThat(southTimeline.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(southRead.json().get("place").get("premisesName").asString()).isEqualTo("Harbour View Hotel");
        // csc.south may read the South case only: the North case id is not shown to them.
        assertThat(southRead.json().get("linkedCaseIds").toString()).contains(southCase).doesNotContain(northCase);
        assertThat(councilTimeline.json().get(0).get("linkedCaseIds").toString()).contains(northCase).doesNotContain(southCase);
        assertThat(healthTimeline.status()).isEqualTo(403);
        assertThat(healthTimeline.contentType()).startsWith("application/problem+json");
        assertThat(noCase.status()).isEqualTo(404);
    }

    @Test
    void whenASourceProtectedUpdateSitsBetweenOthersThenPagingShowsNoTraceOfIt() {
        String name = "Gap Test " + UUID.randomUUID().toString().substring(0, 6);
        String older = posted("police.north", anUpdate().type("TRADING_STANDARDS").place(name, null, "Tendring"));
        String hidden = posted("police.north", anUpdate().label("police-source-protected").type("TRADING_STANDARDS")
                .place(name, null, "Tendring"));
        String newer = posted("police.north", anUpdate().type("TRADING_STANDARDS").place(name, null, "Tendring"));
        String query = "/api/disruptions?quadrant=north&type=TRADING_STANDARDS&limit=1";

        JsonNode first = api.get(token("council.north"), query).json();
        JsonNode second = api.get(token("council.north"), query + "&before=" + first.get("nextBefore").asString()).json();
        HubApi.Reply hiddenCursor = api.get(token("council.north"), query + "&before=" + hidden);
        HubApi.Reply unknownCursor = api.get(token("council.north"), query + "&before=" + UUID.randomUUID());

        assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(newer);
        assertThat(first.get("nextBefore").asString()).as("the cursor names the last update shown, nothing else").isEqualTo(newer);
        assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(older);
        assertThat(first.toString() + second).doesNotContain(hidden).doesNotContain("\"seq\"");
        assertThat(hiddenCursor.status()).isEqualTo(400).isEqualTo(unknownCursor.status());
        assertThat(hiddenCursor.json().get("detail").asString()).isEqualTo(unknownCursor.json().get("detail").asString());
        assertThat(api.get(token("police.north"), query + "&before=" + hidden).status()).isEqualTo(200);
    }

    @Test
    void whenListingWithFiltersThenOnlyMatchingUpdatesNewestFirstInPages() {
        String name = "Filter Test " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now().minusDays(40);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(posted("csp.north", anUpdate().type("TAXI_LICENSING_ACTION").place(name, null, "Tendring").date(day)));
        }
        posted("csp.north", anUpdate().type("TAXI_LICENSING_ACTION").place(name, null, "Colchester").date(day));
        String query = "/api/disruptions?quadrant=north&district=tendring&type=taxi_licensing_action&from=" + day
                + "&to=" + day + "&limit=2";

        JsonNode first = api.get(token("coordinator.north"), query).json();
        JsonNode second = api.get(token("coordinator.north"), query + "&before=" + first.get("nextBefore").asString()).json();

        List<String> seen = new ArrayList<>();
        first.get("items").forEach(i -> seen.add(i.get("id").asString()));
        second.get("items").forEach(i -> seen.add(i.get("id").asString()));
        assertThat(seen).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));
        first.get("items").forEach(i -> assertThat(i.get("place").get("district").asString()).isEqualTo("Tendring"));
    }

    static Stream<Arguments> badLists() {
        return Stream.of(
                Arguments.of("coordinator.north", "?type=FLYPOSTING", 400, "unknown-type"),
                Arguments.of("coordinator.north", "?district=Gotham", 400, "unknown-district"),
                Arguments.of("coordinator.north", "?quadrant=EAST", 400, "unknown-quadrant"),
                Arguments.of("coordinator.north", "?quadrant=NORTH&district=Basildon", 400, "district-not-in-quadrant"),
                Arguments.of("coordinator.north", "?from=2026-03-01&to=2026-01-01", 400, "invalid-period"),
                Arguments.of("coordinator.north", "?from=yesterday", 400, "invalid-parameter"),
                Arguments.of("coordinator.north", "?limit=0", 400, "invalid-page"),
                Arguments.of("coordinator.north", "?quadrant=SOUTH", 403, "forbidden"),
                Arguments.of("coordinator.north", "?district=Basildon", 403, "forbidden"),
                Arguments.of("analyst.north", "", 403, "forbidden"),
                Arguments.of("admin", "", 403, "forbidden"));
    }

    @ParameterizedTest(name = "{0} lists {1}: {2}")
    @MethodSource("badLists")
    void whenListFiltersBadThenProblem(String user, String query, int status, String slug) {
        HubApi.Reply reply = api.get(token(user), "/api/disruptions" + query);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + slug);
    }
}
