package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * A "nothing at all" item leaves no trace in what a viewer without its label can see of the
 * timeline: no position number whose gap would show it, no cursor that steps over it visibly,
 * and its id is refused as a cursor exactly like an id that never existed.
 */
class TimelineGapTests extends HubIntegrationTest {

    private static final String HIDDEN = "police-source-protected";

    private String caseWith(boolean hiddenInTheMiddle) {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        share(caseId, "first");
        if (hiddenInTheMiddle) {
            share(caseId, HIDDEN, "the source lives at 4 Gap Lane");
        }
        share(caseId, "second");
        share(caseId, "third");
        return caseId;
    }

    private String share(String caseId, String text) {
        return share(caseId, "all-members", text);
    }

    private String share(String caseId, String label, String text) {
        HubApi.Reply reply = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().label(label).text(text).json());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Everything csc.north can learn by paging the timeline one item at a time, back and then forward. */
    private List<JsonNode> walk(String caseId) {
        List<JsonNode> replies = new ArrayList<>();
        String base = "/api/cases/" + caseId + "/intel?limit=1";
        String oldest = null;
        String path = base;
        while (path != null) {
            JsonNode page = api.get(token("csc.north"), path).json();
            replies.add(page);
            oldest = page.get("items").get(0).get("id").asString();
            path = page.get("nextBefore").isNull() ? null : base + "&before=" + page.get("nextBefore").asString();
        }
        path = base + "&after=" + oldest;
        while (path != null) {
            HubApi.Reply reply = api.get(token("csc.north"), path);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            replies.add(reply.json());
            JsonNode next = reply.json().get("nextAfter");
            path = next == null || next.isNull() ? null : base + "&after=" + next.asString();
        }
        return replies;
    }

    /** The replies with ids, times and case ids replaced by their order of first appearance. */
    private static String normalised(List<JsonNode> replies, String caseId) {
        Map<String, String> names = new LinkedHashMap<>();
        String all = replies.toString().replace(caseId, "CASE");
        all = all.replaceAll("\"(sharedAt|revisedAt|observedAt)\":\"[^\"]*\"", "\"$1\":\"T\"");
        var ids = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(all);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(out, names.computeIfAbsent(ids.group(), id -> "ID" + names.size()));
        }
        return ids.appendTail(out).toString();
    }

    @Test
    void whenAHiddenItemSitsBetweenTwoOthersThenTheViewerSeesExactlyWhatTheyWouldWithoutIt() {
        String withHidden = caseWith(true);
        String without = caseWith(false);

        List<JsonNode> seenWithHidden = walk(withHidden);
        List<JsonNode> seenWithout = walk(without);

        assertThat(seenWithHidden.toString()).doesNotContain("Gap Lane").doesNotContain(HIDDEN).doesNotContain("\"seq\"");
        assertThat(normalised(seenWithHidden, withHidden)).isEqualTo(normalised(seenWithout, without));
        // Three visible items: three pages back; two more forward from the oldest, the last one saying "caught up".
        assertThat(seenWithHidden).hasSize(5);
        assertThat(seenWithHidden.get(4).has("nextAfter")).isFalse();
    }

    @Test
    void whenAViewerGivesAHiddenItemAsACursorThenTheRefusalIsTheSameAsForAnIdThatNeverExisted() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        share(caseId, "visible");
        String hidden = share(caseId, HIDDEN, "source detail");
        String base = "/api/cases/" + caseId + "/intel?limit=5";

        for (String direction : List.of("before", "after")) {
            HubApi.Reply hiddenCursor = api.get(token("csc.north"), base + "&" + direction + "=" + hidden);
            HubApi.Reply unknownCursor = api.get(token("csc.north"), base + "&" + direction + "=" + UUID.randomUUID());

            assertThat(hiddenCursor.status()).isEqualTo(400).isEqualTo(unknownCursor.status());
            assertThat(hiddenCursor.contentType()).startsWith("application/problem+json");
            assertThat(hiddenCursor.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:invalid-cursor")
                    .isEqualTo(unknownCursor.json().get("type").asString());
            assertThat(hiddenCursor.json().get("detail").asString()).isEqualTo(unknownCursor.json().get("detail").asString());
            assertThat(hiddenCursor.body()).doesNotContain(hidden);
            // The author, who may see it, may page from it.
            assertThat(api.get(token("police.north"), base + "&" + direction + "=" + hidden).status()).isEqualTo(200);
        }
        assertThat(api.get(token("csc.north"), base + "&before=x&after=y").status()).isEqualTo(400);
    }

    @Test
    void whenCatchingUpThenItemsComeOldestFirstWithoutTheHiddenOnes() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        String from = share(caseId, "seen before the connection dropped");
        share(caseId, "missed one");
        share(caseId, HIDDEN, "missed hidden");
        share(caseId, "missed two");

        JsonNode page = api.get(token("csc.north"), "/api/cases/" + caseId + "/intel?limit=10&after=" + from).json();

        List<String> texts = new ArrayList<>();
        page.get("items").forEach(i -> texts.add(i.get("text").asString()));
        assertThat(texts).containsExactly("missed one", "missed two");
        assertThat(page.has("nextAfter")).as("caught up").isFalse();
    }
}
