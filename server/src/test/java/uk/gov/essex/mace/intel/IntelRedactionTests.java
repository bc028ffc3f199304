package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * For each shipped label, what a member of each agency and role sees of an item, through the real
 * filter chain with real tokens: the content, a labelled placeholder, or nothing at all.
 */
class IntelRedactionTests extends HubIntegrationTest {

    enum Sees { FULL, PLACEHOLDER, NOTHING, NO_CASE }

    /** Who shares under each label (someone the label admits). */
    static final Map<String, String> AUTHOR = Map.of(
            "all-members", "csc.north",
            "police-only", "police.north",
            "police-and-csc", "csc.north",
            "health-clinical", "healthlead.north",
            "mace-chairs-only", "chair.north",
            "police-source-protected", "police.north");

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        String[] viewers = {"police.north", "csc.north", "health.north", "healthlead.north", "council.north",
                "coordinator.north", "chair.north", "education.north", "coordinator.south", "admin", "auditor"};
        Object[][] expected = {
                // all-members, police-only, police-and-csc, health-clinical, mace-chairs-only, police-source-protected
                {"police.north", Sees.FULL, Sees.FULL, Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.FULL},
                {"csc.north", Sees.FULL, Sees.PLACEHOLDER, Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.NOTHING},
                {"health.north", Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.FULL, Sees.PLACEHOLDER, Sees.NOTHING},
                {"healthlead.north", Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.FULL, Sees.PLACEHOLDER, Sees.NOTHING},
                {"council.north", Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.NOTHING},
                {"coordinator.north", Sees.FULL, Sees.PLACEHOLDER, Sees.FULL, Sees.PLACEHOLDER, Sees.PLACEHOLDER, Sees.NOTHING},
                {"chair.north", Sees.FULL, Sees.FULL, Sees.FULL, Sees.PLACEHOLDER, Sees.FULL, Sees.NOTHING},
                {"education.north", Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE},
                {"coordinator.south", Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE},
                {"admin", Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE},
                {"auditor", Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE, Sees.NO_CASE}};
        String[] labels = {"all-members", "police-only", "police-and-csc", "health-clinical", "mace-chairs-only",
                "police-source-protected"};
        assertThat(expected.length).isEqualTo(viewers.length);
        for (Object[] row : expected) {
            for (int l = 0; l < labels.length; l++) {
                rows.add(Arguments.of(labels[l], row[0], row[l + 1]));
            }
        }
        return rows.stream();
    }

    /** A North case whose members are police, children's social care, health and the district council. */
    private String northCase() {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases", aCase()
                .member("essex-csc").member("essex-health").member("colchester-council").json());
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    @ParameterizedTest(name = "{0} seen by {1}: {2}")
    @MethodSource("matrix")
    void viewerSeesWhatTheLabelAllows(String label, String viewer, Sees expected) {
        String caseId = northCase();
        String secret = "CONTENT-" + label + "-" + System.nanoTime();
        HubApi.Reply shared = api.post(token(AUTHOR.get(label)), "/api/cases/" + caseId + "/intel",
                anItem().label(label).text(secret).json());
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String itemId = shared.json().get("id").asString();

        HubApi.Reply read = api.get(token(viewer), "/api/cases/" + caseId + "/intel/" + itemId);
        HubApi.Reply list = api.get(token(viewer), "/api/cases/" + caseId + "/intel");

        switch (expected) {
            case FULL -> {
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().get("text").asString()).isEqualTo(secret);
                assertThat(read.json().has("withheld")).isFalse();
                assertThat(ids(list)).containsExactly(itemId);
            }
            case PLACEHOLDER -> {
                assertThat(read.status()).isEqualTo(200);
                JsonNode withheld = read.json().get("withheld");
                assertThat(withheld.get("label").asString()).isEqualTo(label);
                assertThat(withheld.get("owningAgency").asString()).isNotBlank();
                assertThat(withheld.get("ask").asString()).isNotBlank();
                assertThat(read.json().has("text")).isFalse();
                assertThat(read.json().get("marking").asString()).isEqualTo("OFFICIAL_SENSITIVE");
                assertThat(read.body()).doesNotContain(secret);
                assertThat(ids(list)).containsExactly(itemId);
                assertThat(list.body()).doesNotContain(secret);
            }
            case NOTHING -> {
                assertThat(read.status()).isEqualTo(404);
                assertThat(list.status()).isEqualTo(200);
                assertThat(ids(list)).isEmpty();
                assertThat(read.body() + list.body()).doesNotContain(secret);
                assertThat(list.body()).doesNotContain(itemId);
                // Indistinguishable from an id that does not exist at all.
                HubApi.Reply missing = api.get(token(viewer), "/api/cases/" + caseId + "/intel/no-such-item");
                assertThat(read.json().get("detail")).isEqualTo(missing.json().get("detail"));
                assertThat(read.json().get("type")).isEqualTo(missing.json().get("type"));
            }
            case NO_CASE -> {
                assertThat(read.status()).isEqualTo(403);
                assertThat(list.status()).isEqualTo(403);
                assertThat(read.body() + list.body()).doesNotContain(secret);
            }
        }
    }

    @ParameterizedTest(name = "segment {0} inside an all-members item")
    @MethodSource("segmentCases")
    void restrictedSegmentBecomesPlaceholderForViewerOutsideIt(String segmentLabel, String author, String entitled,
            String outsider, boolean outsiderSeesPlaceholder) {
        String caseId = northCase();
        String secret = "SEGMENT-" + System.nanoTime();
        HubApi.Reply shared = api.post(token(author), "/api/cases/" + caseId + "/intel",
                anItem().text("Met at [[" + segmentLabel + ":" + secret + "]] on Friday").json());
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String itemId = shared.json().get("id").asString();

        JsonNode full = api.get(token(entitled), "/api/cases/" + caseId + "/intel/" + itemId).json();
        HubApi.Reply redacted = api.get(token(outsider), "/api/cases/" + caseId + "/intel/" + itemId);

        assertThat(full.get("text").asString()).isEqualTo("Met at " + secret + " on Friday");
        // the entitled reader sees the restricted words marked with their label; the rest unmarked
        assertThat(full.get("parts").get(1).get("text").asString()).isEqualTo(secret);
        assertThat(full.get("parts").get(1).get("restricted").get("label").asString()).isEqualTo(segmentLabel);
        assertThat(full.get("parts").get(0).get("restricted").isNull()).isTrue();
        assertThat(redacted.status()).isEqualTo(200);
        assertThat(redacted.body()).doesNotContain(secret).doesNotContain("\"restricted\":{");
        JsonNode parts = redacted.json().get("parts");
        assertThat(parts.get(0).get("text").asString()).isEqualTo("Met at ");
        if (outsiderSeesPlaceholder) {
            assertThat(parts.get(1).get("withheld").get("label").asString()).isEqualTo(segmentLabel);
            assertThat(redacted.json().get("text").asString()).startsWith("Met at [withheld: ");
        } else {
            assertThat(parts).hasSize(2);
            assertThat(redacted.json().get("text").asString()).isEqualTo("Met at  on Friday");
        }
    }

    @Test
    void whenAnItemHasAPoliceOnlyAndASourceProtectedSegmentThenOnlyThoseWhoReadEachSeeItsLabel() {
        String caseId = northCase();
        String police = "POLICE-" + System.nanoTime();
        String source = "SOURCE-" + System.nanoTime();
        HubApi.Reply shared = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                anItem().text("Seen at [[police-only:" + police + "]] with [[police-source-protected:" + source + "]] today").json());
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        String path = "/api/cases/" + caseId + "/intel/" + shared.json().get("id").asString();

        // police intelligence read both, each marked with its label
        JsonNode asPolice = api.get(token("police.north"), path).json();
        List<String> marks = new ArrayList<>();
        asPolice.get("parts").forEach(p -> {
            if (!p.path("restricted").isNull() && !p.path("restricted").isMissingNode()) {
                marks.add(p.get("restricted").get("label").asString() + "=" + p.get("text").asString());
            }
        });
        assertThat(marks).containsExactly("police-only=" + police, "police-source-protected=" + source);

        // children's social care: a placeholder for the police-only words, and no sign at all of the
        // source-protected segment, its label or its name; no restricted mark anywhere
        String asCsc = api.get(token("csc.north"), path).body();
        assertThat(asCsc).doesNotContain(police).doesNotContain(source)
                .doesNotContain("police-source-protected").doesNotContain("source protected")
                .doesNotContain("\"restricted\":{").contains("\"withheld\":{\"label\":\"police-only\"");
    }

    static Stream<Arguments> segmentCases() {
        return Stream.of(
                Arguments.of("police-only", "police.north", "chair.north", "csc.north", true),
                Arguments.of("health-clinical", "healthlead.north", "health.north", "council.north", true),
                Arguments.of("police-and-csc", "csc.north", "police.north", "health.north", true),
                Arguments.of("police-source-protected", "police.north", "police.north", "csc.north", false));
    }

    private static List<String> ids(HubApi.Reply list) {
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
