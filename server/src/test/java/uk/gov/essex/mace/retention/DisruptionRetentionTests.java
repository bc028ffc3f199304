package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.disruption.DisruptionRequests.anUpdate;
import static uk.gov.essex.mace.retention.CaseLifecycleTests.created;
import static uk.gov.essex.mace.retention.CaseLifecycleTests.ok;
import static uk.gov.essex.mace.retention.CaseLifecycleTests.problem;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.disruption.DisruptionErasure.MonthScope;
import uk.gov.essex.mace.support.HubApi;

/**
 * Disruption updates under their own schedule, on a moving clock: a council posts updates in three
 * months of one quadrant a little under seven years ago; once the oldest of them is seven years past
 * its end, the evaluation lists that quadrant-month alone (with its count), one person proposes and a
 * MACE chair of the quadrant approves, and the month is erased: its updates are gone from every API,
 * collection and (after the scrub) the raw store file, its data key is destroyed and the audit trail
 * verifies and holds the tombstone. A later month is untouched, and a due month with an update
 * linked to a case under legal hold is HELD and survives. This shares its hub with the case tests, so
 * every assertion looks only at this test's months.
 */
class DisruptionRetentionTests extends RetentionHubTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DUE = "/api/retention/disruption-months/due";

    @Autowired
    RetentionSweep sweep;

    @Autowired
    MonthReviews monthReviews;

    @AfterEach
    void clockBack() {
        clock.set(Instant.now());
    }

    @Test
    void monthFallsDueIsErasedByTwoPeopleWhileLaterAndHeldMonthsSurvive() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        String run = UUID.randomUUID().toString().substring(0, 8);
        YearMonth thisMonth = YearMonth.from(LocalDate.now(clock.withZone(LONDON)));
        YearMonth heldMonth = thisMonth.minusYears(7).plusMonths(1);
        YearMonth erasedMonth = thisMonth.minusYears(7).plusMonths(2);
        YearMonth keptMonth = thisMonth.minusYears(7).plusMonths(6);
        String heldScope = "disruption:NORTH:" + heldMonth;
        String erasedScope = "disruption:NORTH:" + erasedMonth;
        String keptScope = "disruption:NORTH:" + keptMonth;
        Set<String> ours = Set.of(heldScope, erasedScope, keptScope);
        List<String> canaries = List.of("CANARY-DR-PLACE-" + run, "CANARY-DR-OUTCOME-" + run, "CANARY-DR-TEXT-" + run);

        // --- a council's updates: two in the month that will be erased, one later, one linked to a held case
        List<String> erased = new ArrayList<>();
        for (int day : new int[] {3, 20}) {
            erased.add(created(api.post(token("council.north"), "/api/disruptions", anUpdate()
                    .place(canaries.get(0), "CO1 1AA", "Colchester").outcome(canaries.get(1)).text(canaries.get(2))
                    .date(erasedMonth.atDay(day)).json())));
        }
        String kept = created(api.post(token("council.north"), "/api/disruptions", anUpdate()
                .outcome("KEPT-" + run).date(keptMonth.atDay(10)).json()));
        String heldCase = created(api.post(token("police.north"), "/api/cases", aCase().member("colchester-council").json()));
        String held = created(api.post(token("council.north"), "/api/disruptions", anUpdate()
                .outcome("HELD-" + run).date(heldMonth.atDay(15)).linkedCase(heldCase).json()));
        ok(api.post(token("chair.north"), "/api/cases/" + heldCase + "/legal-hold", "{\"reason\":\"R v Example: disclosure\"}"));
        // what no canary shows: the sealed place and outcome, and the month's wrapped data key, as bytes
        List<byte[]> rawTraces = new ArrayList<>();
        for (String id : erased) {
            Document stored = mongo.getCollection("disruption_updates").find(new Document("_id", id)).first();
            rawTraces.add(stored.get("placeSealed", Binary.class).getData());
            rawTraces.add(stored.get("outcomeSealed", Binary.class).getData());
        }
        rawTraces.add(mongo.getCollection("case_keys").find(new Document("_id", erasedScope)).first()
                .get("wrappedKey", Binary.class).getData());

        // --- not yet due: nothing listed, and a proposal is refused ---------------------------------------
        sweep.run();
        assertThat(ours("admin", ours)).isEmpty();
        problem(api.post(token("admin"), DUE + "/" + erasedScope + "/proposal", ""), 409, "not-due");

        // --- seven years after the end of the erased month: it and the held month are due, the later one not
        clock.set(erasedMonth.plusMonths(1).atDay(1).plusYears(7).plusDays(1).atTime(12, 0).atZone(LONDON).toInstant());
        JsonNode evaluation = ok(api.post(token("admin"), "/api/retention/evaluate", "")).json();
        assertThat(evaluation.get("disruptionMonthsHeld").asInt()).isGreaterThanOrEqualTo(1);
        List<JsonNode> due = ours("admin", ours);
        assertThat(due).extracting(d -> d.get("scope").asString()).containsExactlyInAnyOrder(erasedScope, heldScope);
        JsonNode dueMonth = entry(due, erasedScope);
        assertThat(dueMonth.get("status").asString()).isEqualTo("DUE");
        // no count for the reviewer: the month may hold updates withheld from them; the tombstone counts (below)
        assertThat(dueMonth.has("updates")).isFalse();
        assertThat(dueMonth.get("quadrant").asString()).isEqualTo("NORTH");
        assertThat(dueMonth.get("month").asString()).isEqualTo(erasedMonth.toString());
        assertThat(dueMonth.get("schedule").asString()).isEqualTo("disruption-update-7y");
        assertThat(dueMonth.get("dueOn").asString()).isEqualTo(erasedMonth.plusMonths(1).atDay(1).plusYears(7).toString());
        assertThat(entry(due, heldScope).get("status").asString()).isEqualTo("HELD");
        assertThat(ours("chair.north", ours)).hasSize(2);
        assertThat(ours("chair.south", ours)).isEmpty();

        // --- refusals: other roles, another quadrant's chair, a malformed or unknown scope, a held month ---
        for (String user : List.of("police.north", "council.north")) {
            problem(api.get(token(user), DUE), 403, "forbidden");
        }
        for (String user : List.of("police.north", "council.north", "chair.south")) {
            problem(api.post(token(user), DUE + "/" + erasedScope + "/proposal", ""), 403, "forbidden");
        }
        problem(api.post(token("admin"), DUE + "/not-a-month/proposal", ""), 400, "invalid-scope");
        problem(api.post(token("admin"), DUE + "/disruption:NORTH:1990-01/proposal", ""), 404, "not-found");
        problem(api.post(token("admin"), DUE + "/" + heldScope + "/proposal", ""), 409, "legal-hold");
        problem(api.post(token("chair.north"), DUE + "/" + erasedScope + "/approval", ""), 409, "not-proposed");

        // --- two people: nobody approves their own proposal; ADMIN proposes but never approves ------------
        ok(api.post(token("chair.north"), DUE + "/" + erasedScope + "/proposal", ""));
        problem(api.post(token("chair.north"), DUE + "/" + erasedScope + "/approval", ""), 403, "forbidden");
        ok(api.delete(token("chair.north"), DUE + "/" + erasedScope + "/proposal"));
        assertThat(ok(api.post(token("admin"), DUE + "/" + erasedScope + "/proposal", "")).json().get("status").asString())
                .isEqualTo("PROPOSED");
        problem(api.post(token("chair.north"), DUE + "/" + erasedScope + "/proposal", ""), 409, "already-proposed");
        problem(api.post(token("admin"), DUE + "/" + erasedScope + "/approval", ""), 403, "forbidden");
        problem(api.post(token("chair.south"), DUE + "/" + erasedScope + "/approval", ""), 403, "forbidden");
        problem(api.post(token("council.north"), DUE + "/" + erasedScope + "/approval", ""), 403, "forbidden");
        JsonNode erasure = ok(api.post(token("chair.north"), DUE + "/" + erasedScope + "/approval", "")).json();
        assertThat(erasure.has("erased")).as("the count is for auditors, in the tombstone").isFalse();
        assertThat(erasure.get("dataKeyDestroyed").asBoolean()).isTrue();
        assertThat(ours("admin", ours)).extracting(d -> d.get("scope").asString()).containsExactly(heldScope);

        // --- no API yields the erased updates; the later and the held month are intact ----------------------
        StringBuilder seen = new StringBuilder();
        for (String user : List.of("council.north", "coordinator.north", "chair.north")) {
            for (String id : erased) {
                HubApi.Reply reply = api.get(token(user), "/api/disruptions/" + id);
                assertThat(reply.status()).as(user + " GET " + id + ": " + reply.body()).isEqualTo(404);
                seen.append(reply.body());
            }
            for (String path : List.of("/api/disruptions?quadrant=NORTH&limit=100", "/api/disruptions?quadrant=NORTH&from="
                    + erasedMonth.atDay(1) + "&to=" + erasedMonth.atEndOfMonth())) {
                HubApi.Reply reply = ok(api.get(token(user), path));
                for (String id : erased) {
                    assertThat(reply.body()).as(user + " GET " + path).doesNotContain(id);
                }
                seen.append(reply.body());
            }
        }
        // the month's key is gone: a late, backdated update into it cannot be sealed, and is refused
        problem(api.post(token("council.north"), "/api/disruptions", anUpdate().date(erasedMonth.atDay(5)).json()), 410, "erased");
        assertThat(ok(api.get(token("council.north"), "/api/disruptions/" + kept)).body()).contains("KEPT-" + run);
        assertThat(ok(api.get(token("council.north"), "/api/disruptions/" + held)).body()).contains("HELD-" + run);
        seen.append(ok(api.get(token("auditor"), "/api/audit/export.csv")).body());
        for (String canary : canaries) {
            assertThat(seen.toString()).doesNotContain(canary);
        }

        // --- no collection holds them, but the key tombstone and the audit trail (ids only) ----------------
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String json = doc.toJson();
                for (String canary : canaries) {
                    assertThat(json).as(collection + " holds " + canary).doesNotContain(canary);
                }
                if (collection.equals("audit_entries")) {
                    continue;
                }
                if (collection.equals("case_keys") && erasedScope.equals(doc.get("_id"))) {
                    assertThat(doc.keySet()).as("the key tombstone holds no key material").containsExactlyInAnyOrder("_id", "destroyedAt");
                    continue;
                }
                for (String id : erased) {
                    assertThat(json).as(collection + " still mentions " + id).doesNotContain(id);
                }
                assertThat(json).as(collection + " still mentions the erased month").doesNotContain(erasedScope);
            }
        }

        // --- nor the raw store file, once the erasure's scrub is done ---------------------------------------
        JsonNode scrubbed = awaitEntry(erasedScope, "disruption.month.erasure.scrubbed");
        assertThat(scrubbed.get("outcome").asString()).as(scrubbed.toString()).isEqualTo("SUCCESS");
        List<String> rawFindings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : canaries) {
                    if (raw.contains(canary)) {
                        rawFindings.add(file.getFileName() + " holds " + canary);
                    }
                }
                for (byte[] trace : rawTraces) {
                    if (raw.contains(new String(trace, StandardCharsets.ISO_8859_1))) {
                        rawFindings.add(file.getFileName() + " holds a sealed value or the wrapped key of " + erasedScope);
                    }
                }
            }
        }
        assertThat(rawFindings).isEmpty();

        // --- the audit trail verifies and shows the tombstone, without content --------------------------------
        JsonNode verified = ok(api.post(token("auditor"), "/api/audit/verify", "")).json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        JsonNode tombstones = ok(api.get(token("auditor"), "/api/audit/entries?caseId=" + erasedScope
                + "&action=disruption.month.erased")).json().get("entries");
        assertThat(tombstones).hasSize(1);
        JsonNode details = tombstones.get(0).get("details");
        assertThat(details.get("quadrant").asString()).isEqualTo("NORTH");
        assertThat(details.get("month").asString()).isEqualTo(erasedMonth.toString());
        assertThat(details.get("schedule").asString()).isEqualTo("disruption-update-7y");
        assertThat(details.get("erased:disruption-updates").asString()).isEqualTo("2");
        assertThat(details.get("proposedBy").asString()).isEqualTo("admin");
        assertThat(details.get("approvedBy").asString()).isEqualTo("chair.north");
        assertThat(details.get("dataKey").asString()).isEqualTo("destroyed");
        assertThat(tombstones.get(0).get("actor").get("subject").asString()).isEqualTo("chair.north");
        assertThat(tombstones.toString()).doesNotContain(canaries.toArray(String[]::new));

        // --- the held month lives through another run; lifting the hold puts it back in the review ------------
        sweep.run();
        assertThat(entry(ours("admin", ours), heldScope).get("status").asString()).isEqualTo("HELD");
        assertThat(ok(api.get(token("council.north"), "/api/disruptions/" + held)).status()).isEqualTo(200);
        ok(api.send(token("chair.north"), "DELETE", "/api/cases/" + heldCase + "/legal-hold", "application/json",
                "{\"reason\":\"Proceedings concluded\"}"));
        sweep.run();
        assertThat(entry(ours("admin", ours), heldScope).get("status").asString()).isEqualTo("DUE");
    }

    @Test
    void holdOnLinkedCaseHoldsProposedMonthAtOnceAndStandsDownWhileTheMonthIsBeingErased() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        YearMonth month = YearMonth.from(LocalDate.now(clock.withZone(LONDON))).minusYears(8);
        String scope = "disruption:NORTH:" + month;
        String caseId = created(api.post(token("police.north"), "/api/cases", aCase().member("colchester-council").json()));
        String update = created(api.post(token("council.north"), "/api/disruptions", anUpdate()
                .date(month.atDay(12)).linkedCase(caseId).json()));
        String hold = "/api/cases/" + caseId + "/legal-hold";
        sweep.run();
        ok(api.post(token("admin"), DUE + "/" + scope + "/proposal", ""));

        // a hold placed on the linked case makes the proposed month HELD at once: the proposal falls
        ok(api.post(token("chair.north"), hold, "{\"reason\":\"R v Example: disclosure\"}"));
        assertThat(entry(ours("admin", Set.of(scope)), scope).get("status").asString()).isEqualTo("HELD");
        assertThat(entry(ours("admin", Set.of(scope)), scope).has("proposedBy")).isFalse();
        problem(api.post(token("chair.north"), DUE + "/" + scope + "/approval", ""), 409, "legal-hold");
        ok(api.send(token("chair.north"), "DELETE", hold, "application/json", "{\"reason\":\"Proceedings concluded\"}"));
        sweep.run();
        assertThat(entry(ours("admin", Set.of(scope)), scope).get("status").asString()).isEqualTo("DUE");

        // an approved erasure under way (as if approved a moment ago): the placement stands down, and the
        // next evaluation finishes the erasure, after which the case can be held
        MonthScope parsed = MonthScope.parse(scope).orElseThrow();
        assertThat(monthReviews.transition(parsed, Set.of(ReviewStatus.DUE), RetentionReviews.status(ReviewStatus.ERASING)
                .set("proposedBy", "admin").set("approvedBy", "chair.north"))).isPresent();
        problem(api.post(token("chair.north"), hold, "{\"reason\":\"R v Example: disclosure\"}"), 409, "erasure-in-progress");
        assertThat(api.get(token("chair.north"), hold).status()).isIn(200, 404);
        assertThat(api.get(token("chair.north"), hold).body()).doesNotContain("\"active\":true");
        sweep.run();
        assertThat(api.get(token("council.north"), "/api/disruptions/" + update).status()).isEqualTo(404);
        assertThat(ours("admin", Set.of(scope))).isEmpty();
        ok(api.post(token("chair.north"), hold, "{\"reason\":\"R v Example: disclosure\"}"));
    }

    /** The due months {@code user} sees, narrowed to this test's: the hub is shared with other tests. */
    private List<JsonNode> ours(String user, Set<String> scopes) {
        List<JsonNode> due = new ArrayList<>();
        ok(api.get(token(user), DUE)).json().forEach(d -> {
            if (scopes.contains(d.get("scope").asString())) {
                due.add(d);
            }
        });
        return due;
    }

    private static JsonNode entry(List<JsonNode> due, String scope) {
        return due.stream().filter(d -> d.get("scope").asString().equals(scope)).findFirst()
                .orElseThrow(() -> new AssertionError(scope + " is not in " + due));
    }

    private JsonNode awaitEntry(String target, String action) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode entries = ok(api.get(token("auditor"), "/api/audit/entries?caseId=" + target + "&action=" + action))
                    .json().get("entries");
            if (!entries.isEmpty()) {
                return entries.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + action + " entry for " + target + " within 3 minutes");
    }
}
