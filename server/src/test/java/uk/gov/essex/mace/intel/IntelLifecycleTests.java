package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Bad input stores nothing; edits add revisions; withdrawal keeps history; retries store once. */
class IntelLifecycleTests extends HubIntegrationTest {

    private String northCase() {
        return api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").member("essex-health").json())
                .json().get("id").asString();
    }

    static Stream<Arguments> badItems() {
        return Stream.of(
                Arguments.of("unknown label", "police.north", anItem().label("top-secret").json(), 400, "unknown-label"),
                Arguments.of("segment label weaker than item", "police.north",
                        anItem().label("police-only").text("a [[all-members:b]] c").json(), 400, "segment-label-weaker"),
                Arguments.of("incomparable segment label", "police.north",
                        anItem().label("police-only").text("a [[health-clinical:b]] c").json(), 400, "segment-label-weaker"),
                Arguments.of("unclosed segment", "police.north", anItem().text("a [[police-only:b c").json(), 400, "malformed-segment"),
                Arguments.of("nested segment", "police.north",
                        anItem().text("a [[police-only:b [[police-only:c]] d]]").json(), 400, "malformed-segment"),
                Arguments.of("segment without label", "police.north", anItem().text("a [[secret]] c").json(), 400, "malformed-segment"),
                Arguments.of("stray close", "police.north", anItem().text("a ]] c").json(), 400, "malformed-segment"),
                Arguments.of("empty segment", "police.north", anItem().text("a [[police-only: ]] c").json(), 400, "malformed-segment"),
                Arguments.of("unknown segment label", "police.north", anItem().text("a [[nope:b]]").json(), 400, "unknown-label"),
                Arguments.of("grading on non-police item", "csc.north", anItem().grading(1, "A", "P", null).json(), 400,
                        "grading-not-police"),
                Arguments.of("code C without conditions", "police.north", anItem().grading(2, "B", "C", " ").json(), 400,
                        "conditions-required"),
                Arguments.of("bad source evaluation", "police.north", anItem().grading(4, "B", "P", null).json(), 400, "validation"),
                Arguments.of("bad assessment", "police.north", anItem().grading(1, "F", "P", null).json(), 400, "malformed-body"),
                Arguments.of("oversized text", "police.north", anItem().text("é".repeat(40_000)).json(), 400, "text-too-long"),
                Arguments.of("label excluding author", "csc.north", anItem().label("police-only").json(), 400, "label-excludes-author"),
                Arguments.of("observed in future", "police.north", anItem().observedAt("2999-01-01T00:00:00Z").json(), 400,
                        "observed-in-future"),
                Arguments.of("unknown district", "police.north", anItem().location("x", "y", "z", "Narnia").json(), 400,
                        "unknown-district"),
                Arguments.of("non-member author", "education.north", anItem().json(), 403, "forbidden"),
                Arguments.of("other quadrant", "coordinator.south", anItem().json(), 403, "forbidden"),
                Arguments.of("administrator", "admin", anItem().json(), 403, "forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void badItemGetsProblemAndStoresNothing(String why, String author, String body, int status, String type) {
        String caseId = northCase();
        long before = mongo.getCollection("intel_items").countDocuments();

        HubApi.Reply reply = api.post(token(author), "/api/cases/" + caseId + "/intel", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + type);
        assertThat(mongo.getCollection("intel_items").countDocuments()).isEqualTo(before);
    }

    @Test
    void shareOnUnknownCaseIs404() {
        assertThat(api.post(token("police.north"), "/api/cases/nope/intel", anItem().json()).status()).isEqualTo(404);
    }

    @Test
    void editAddsRevisionAndHistoryKeepsBothUnderSameRedaction() {
        String caseId = northCase();
        String id = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                anItem().text("first [[police-only:secret-one]]").json()).json().get("id").asString();

        HubApi.Reply edited = api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/intel/" + id,
                "application/json", "{\"expectedRevision\":1,\"text\":\"second [[police-only:secret-two]]\"}");
        HubApi.Reply stale = api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/intel/" + id,
                "application/json", "{\"expectedRevision\":1,\"text\":\"third\"}");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("revision").asInt()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(409);
        JsonNode policeHistory = api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + id + "/revisions").json();
        assertThat(policeHistory).hasSize(2);
        assertThat(policeHistory.get(0).get("text").asString()).isEqualTo("first secret-one");
        assertThat(policeHistory.get(1).get("text").asString()).isEqualTo("second secret-two");
        HubApi.Reply cscHistory = api.get(token("csc.north"), "/api/cases/" + caseId + "/intel/" + id + "/revisions");
        assertThat(cscHistory.json()).hasSize(2);
        assertThat(cscHistory.body()).doesNotContain("secret-one", "secret-two").contains("first ", "second ");
    }

    @Test
    void whenEditsRaceThenEveryEntryThatClaimedSuccessForALoserIsFollowedByItsRefusal() throws Exception {
        String caseId = northCase();
        String id = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text("racing").json())
                .json().get("id").asString();
        String police = token("police.north");
        int racers = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        List<java.util.concurrent.Future<HubApi.Reply>> edits = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String body = "{\"expectedRevision\":1,\"text\":\"edit " + i + "\"}";
                edits.add(pool.submit(() -> api.send(police, "PUT", "/api/cases/" + caseId + "/intel/" + id, "application/json", body)));
            }
            int won = 0;
            for (var edit : edits) {
                int status = edit.get().status();
                assertThat(status).isIn(200, 409);
                won += status == 200 ? 1 : 0;
            }

            assertThat(won).as("edits of revision 1 that won").isEqualTo(1);
            var trail = mongo.getCollection("audit_entries");
            var edited = new org.bson.Document("action", "intel.edit").append("targets", id);
            long claimed = trail.countDocuments(new org.bson.Document(edited).append("outcome", "SUCCESS"));
            long refused = trail.countDocuments(new org.bson.Document(edited).append("outcome", "REJECTED")
                    .append("details.reason", "stale-revision"));
            // holds whether or not a loser got past the check made before its entry was written
            assertThat(claimed - refused).as("edits the trail says were made").isEqualTo(won);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheAuthorEditsOrWithdraws() {
        String caseId = northCase();
        String id = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().json()).json().get("id").asString();

        HubApi.Reply byOther = api.post(token("csc.north"), "/api/cases/" + caseId + "/intel/" + id + "/withdraw",
                "{\"reason\":\"not mine\"}");
        HubApi.Reply byChair = api.send(token("chair.north"), "PUT", "/api/cases/" + caseId + "/intel/" + id,
                "application/json", "{\"expectedRevision\":1,\"text\":\"x\"}");

        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byChair.status()).isEqualTo(403);
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + id).json().get("revision").asInt())
                .isEqualTo(1);
    }

    @Test
    void withdrawKeepsItemWithReasonAndRefusesSecondWithdrawal() {
        String caseId = northCase();
        String id = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().json()).json().get("id").asString();

        HubApi.Reply withdrawn = api.post(token("police.north"), "/api/cases/" + caseId + "/intel/" + id + "/withdraw",
                "{\"reason\":\"entered on the wrong case\"}");
        HubApi.Reply again = api.post(token("police.north"), "/api/cases/" + caseId + "/intel/" + id + "/withdraw",
                "{\"reason\":\"again\"}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        JsonNode seenByCsc = api.get(token("csc.north"), "/api/cases/" + caseId + "/intel/" + id).json();
        assertThat(seenByCsc.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(seenByCsc.get("withdrawal").get("reason").asString()).isEqualTo("entered on the wrong case");
        assertThat(seenByCsc.get("text").asString()).isNotBlank();
    }

    @Test
    void retryWithSameIdempotencyKeyReturnsOriginalAndStoresOnce() {
        String caseId = northCase();
        String body = anItem().text("retry me").json();
        long before = mongo.getCollection("intel_items").countDocuments();

        HubApi.Reply first = api.send(post(caseId, body, "key-0001-retry"));
        HubApi.Reply second = api.send(post(caseId, body, "key-0001-retry"));
        HubApi.Reply otherBody = api.send(post(caseId, anItem().text("different").json(), "key-0001-retry"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:idempotency-key-reused");
        assertThat(mongo.getCollection("intel_items").countDocuments()).isEqualTo(before + 1);
    }

    /** What a hub killed between claiming a key and recording what it made leaves behind. */
    private void orphan(String itemId, long secondsAgo) {
        var keys = mongo.getCollection("idempotency_keys");
        var filter = new org.bson.Document("resourceId", itemId);
        assertThat(keys.countDocuments(filter)).isEqualTo(1);
        keys.updateOne(filter, new org.bson.Document("$set", new org.bson.Document("state", "PENDING")
                .append("boot", "a-hub-that-was-killed").append("createdAt", java.time.Instant.now().minusSeconds(secondsAgo).toString())));
    }

    @Test
    void whenTheHubDiedAfterCreatingButBeforeRecordingThenTheRetryReplaysTheItemNotADuplicate() {
        String caseId = northCase();
        String body = anItem().text("made, never recorded").json();
        String id = api.send(post(caseId, body, "key-0002-crash-after")).json().get("id").asString();
        orphan(id, 30);
        // a kill can also fall after a commit took the item but before one took its audit entry
        mongo.getCollection("audit_entries").updateMany(shareEntry(id), new org.bson.Document("$set",
                new org.bson.Document("action", "lost-to-the-kill")));
        long before = mongo.getCollection("intel_items").countDocuments();

        HubApi.Reply retry = api.send(post(caseId, body, "key-0002-crash-after"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(mongo.getCollection("intel_items").countDocuments()).isEqualTo(before);
        assertThat(mongo.getCollection("audit_entries").countDocuments(new org.bson.Document(shareEntry(id))
                .append("details.recovered", "true"))).as("the adopted share, audited").isEqualTo(1);
    }

    private static org.bson.Document shareEntry(String itemId) {
        return new org.bson.Document("action", "intel.share").append("outcome", "SUCCESS").append("targets", itemId);
    }

    @Test
    void whenTheHubDiedBeforeCreatingThenTheRetryCreatesTheItemOnceUnderTheClaimedId() {
        String caseId = northCase();
        String body = anItem().text("claimed, never made").json();
        String id = api.send(post(caseId, body, "key-0003-crash-before")).json().get("id").asString();
        mongo.getCollection("intel_items").deleteOne(new org.bson.Document("_id", id)); // as if never made
        orphan(id, 30);

        HubApi.Reply retry = api.send(post(caseId, body, "key-0003-crash-before"));
        HubApi.Reply again = api.send(post(caseId, body, "key-0003-crash-before"));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(id);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(mongo.getCollection("intel_items").countDocuments(new org.bson.Document("_id", id))).isEqualTo(1);
    }

    @Test
    void whenAnotherHubClaimedTheKeyMomentsAgoThenTheRetryIsToldItIsInProgress() {
        String caseId = northCase();
        String body = anItem().text("still being made elsewhere").json();
        String id = api.send(post(caseId, body, "key-0004-in-flight")).json().get("id").asString();
        orphan(id, 0);

        HubApi.Reply retry = api.send(post(caseId, body, "key-0004-in-flight"));

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:idempotency-in-progress");
    }

    @Test
    void timelinePagesBackwardsWithoutGapsOrDuplicates() {
        String caseId = northCase();
        for (int i = 0; i < 7; i++) {
            api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text("item " + i).json());
        }
        api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().label("police-source-protected").text("hidden").json());
        java.util.List<String> seen = new java.util.ArrayList<>();
        String path = "/api/cases/" + caseId + "/intel?limit=3";
        while (path != null) {
            JsonNode page = api.get(token("csc.north"), path).json();
            page.get("items").forEach(i -> seen.add(i.get("text").asString()));
            api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text("arrived later").json());
            path = page.get("nextBefore").isNull() ? null
                    : "/api/cases/" + caseId + "/intel?limit=3&before=" + page.get("nextBefore").asString();
        }
        assertThat(seen).containsExactly("item 6", "item 5", "item 4", "item 3", "item 2", "item 1", "item 0");
    }

    private HttpRequest.Builder post(String caseId, String body, String key) {
        return api.builder(token("police.north"), "/api/cases/" + caseId + "/intel")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void tamperedOrSwappedCiphertextIsRefusedNotReturned() {
        String caseId = northCase();
        String a = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text("alpha text").json())
                .json().get("id").asString();
        String b = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", anItem().text("bravo text").json())
                .json().get("id").asString();
        var items = mongo.getCollection("intel_items");
        org.bson.Document docA = items.find(new org.bson.Document("_id", a)).first();
        org.bson.Document docB = items.find(new org.bson.Document("_id", b)).first();
        org.bson.Document partA = partOf(docA);
        org.bson.Document partB = partOf(docB);
        byte[] sealedB = ((org.bson.types.Binary) partB.get("sealed")).getData();
        byte[] tampered = sealedB.clone();
        tampered[tampered.length - 1] ^= 1;
        partA.put("sealed", new org.bson.types.Binary(sealedB));
        partB.put("sealed", new org.bson.types.Binary(tampered));
        items.replaceOne(new org.bson.Document("_id", a), docA);
        items.replaceOne(new org.bson.Document("_id", b), docB);

        HubApi.Reply swapped = api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + a);
        HubApi.Reply flipped = api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + b);

        for (HubApi.Reply reply : java.util.List.of(swapped, flipped)) {
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:integrity-failure");
            assertThat(reply.body()).doesNotContain("alpha", "bravo");
        }
    }

    @Test
    void whenAnItemIsSharedThenItsStagesAreTimedForOperatorsNamingNothingOfIt() {
        String caseId = northCase();
        String id = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                anItem().label("police-only").text("canary-stage-timer").json()).json().get("id").asString();

        String metrics = api.get(token("admin"), "/actuator/prometheus").body();

        for (String stage : java.util.List.of("sealing", "sequence", "storing", "auditing")) {
            assertThat(metrics).containsPattern("hub_intel_share_stage_seconds_count\\{[^}]*stage=\"" + stage + "\"[^}]*\\} [1-9]");
        }
        assertThat(metrics).doesNotContain(caseId, id, "police-only", "canary-stage-timer", "police.north");
    }

    @SuppressWarnings("unchecked")
    private static org.bson.Document partOf(org.bson.Document item) {
        var revisions = (java.util.List<org.bson.Document>) item.get("revisions");
        return ((java.util.List<org.bson.Document>) revisions.get(0).get("parts")).get(0);
    }
}
