package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.disruption.DisruptionRequests.anUpdate;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.crypto.KeyRotation;
import uk.gov.essex.mace.support.HubApi;

/**
 * One case through its whole life on a moving clock: opened, intelligence shared (edited, withdrawn,
 * restricted), three missing episodes in 28 days raise a MACE alert, a MACE meeting minutes it (and
 * corrects the minutes, keeping both revisions), it is closed, falls due 25 years later (it went to
 * MACE), is proposed by one person and approved by another, and is erased. Afterwards no API, no collection and no file of the embedded store yields
 * anything of it, the audit trail verifies and holds the tombstone. A second case, under legal hold,
 * lives through the same run untouched.
 */
class CaseLifecycleTests extends RetentionHubTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    RetentionSweep sweep;

    @Autowired
    KeyRotation keyRotation;

    @Test
    void caseLivesGoesToMaceClosesFallsDueIsErasedByTwoPeopleWhileHeldCaseSurvives() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Canaries in fields sealed with the case key, and in fields stored as they were typed.
        String child = "CANARY-CHILD-" + run;
        String policeText = "CANARY-POLICE-ITEM-" + run;
        String editedText = "CANARY-EDITED-ITEM-" + run;
        String sourceText = "CANARY-SOURCE-ITEM-" + run;
        String segment = "CANARY-SEGMENT-" + run;
        String place = "CANARY-PLACE-" + run;
        String person = "CANARY-PERSON-" + run;
        String withdrawal = "CANARY-WITHDRAWAL-" + run;
        String minutes = "CANARY-MINUTES-" + run;
        String correctedMinutes = "CANARY-MINUTES-CORRECTED-" + run;
        String action = "CANARY-ACTION-" + run;
        String whereFound = "CANARY-WHERE-FOUND-" + run;
        String sourceNote = "CANARY-SOURCE-NOTE-" + run;
        List<String> canaries = List.of(child, policeText, editedText, sourceText, segment, place, person, withdrawal,
                minutes, correctedMinutes, action, whereFound, sourceNote);

        // --- open, share, edit, withdraw -----------------------------------------------------------
        // opened with an Idempotency-Key, as a partner system would: its record names the case
        String caseA = created(api.send(api.builder(token("police.north"), "/api/cases")
                .header("Content-Type", "application/json").header("Idempotency-Key", "rms-" + run)
                .POST(HttpRequest.BodyPublishers.ofString(aCase().childName(child).member("essex-csc").member("colchester-council")
                        .json()))));
        List<String> items = new ArrayList<>();
        items.add(created(api.post(token("police.north"), "/api/cases/" + caseA + "/intel", anItem().label("police-only")
                .text(policeText).location(place, "1 Canary Row", "CO1 1AA", "Colchester").person(person, "older male")
                .grading(2, "B", "P", null).observedAt(start.minusSeconds(7200).toString()).json())));
        items.add(created(api.post(token("csc.north"), "/api/cases/" + caseA + "/intel", anItem()
                .text("Seen near the station [[police-and-csc:" + segment + "]]").observedAt(start.minusSeconds(7200).toString()).json())));
        items.add(created(api.post(token("police.north"), "/api/cases/" + caseA + "/intel", anItem()
                .label("police-source-protected").text(sourceText).observedAt(start.minusSeconds(7200).toString()).json())));
        ok(api.send(token("police.north"), "PUT", "/api/cases/" + caseA + "/intel/" + items.get(0), "application/json",
                "{\"expectedRevision\":1,\"text\":\"" + editedText + "\"}"));
        // csc.north has read the feed up to its own item; the council links a disruption update to the case
        assertThat(api.send(token("csc.north"), "PUT", "/api/cases/" + caseA + "/chat/read", "application/json",
                "{\"itemId\":\"" + items.get(1) + "\"}").status()).isEqualTo(204);
        String disruption = created(api.post(token("council.north"), "/api/disruptions", anUpdate().linkedCase(caseA).json()));
        ok(api.post(token("csc.north"), "/api/cases/" + caseA + "/intel/" + items.get(1) + "/withdraw",
                "{\"reason\":\"" + withdrawal + "\"}"));

        // --- three missing episodes in 28 days: a MACE alert, via the risk API ---------------------
        for (int daysAgo : new int[] {20, 10, 1}) {
            created(api.post(token("police.north"), "/api/cases/" + caseA + "/missing-episodes", anEpisode()
                    .startedAt(start.minus(Duration.ofDays(daysAgo))).returnedAt(start.minus(Duration.ofDays(daysAgo)).plusSeconds(3600))
                    .whereFound(whereFound).json()));
        }
        created(api.post(token("csc.north"), "/api/cases/" + caseA + "/indicators", "{\"indicator\":\"GANG_ASSOCIATION\","
                + "\"observedOn\":\"" + today().minusDays(1) + "\",\"sourceNote\":\"" + sourceNote + "\"}"));
        List<JsonNode> alerts = alertsFor("coordinator.north", caseA);
        assertThat(alerts).extracting(a -> a.get("reason").asString()).containsExactly("MISSING_EPISODES");
        String alertId = alerts.get(0).get("id").asString();

        // --- MACE Part 1: on the agenda, minuted (and the minutes corrected), an action set --------------
        String meeting = created(api.post(token("coordinator.north"), "/api/meetings",
                "{\"quadrant\":\"NORTH\",\"date\":\"" + today().plusDays(1) + "\"}"));
        String minutesPath = "/api/meetings/" + meeting + "/cases/" + caseA + "/minutes";
        for (String text : List.of(minutes, correctedMinutes)) {
            ok(api.send(token("coordinator.north"), "PUT", minutesPath, "application/json", "{\"text\":\"" + text + "\"}"));
        }
        assertThat(ok(api.get(token("coordinator.north"), minutesPath + "/revisions")).body()).contains(minutes, correctedMinutes);
        created(api.post(token("coordinator.north"), "/api/meetings/" + meeting + "/cases/" + caseA + "/actions",
                "{\"kind\":\"ACTION\",\"type\":\"DISRUPTION_OPPORTUNITY\",\"description\":\"" + action
                        + "\",\"ownerAgency\":\"essex-police\",\"dueDate\":\"" + today().plusDays(30) + "\"}"));
        assertThat(ok(api.get(token("coordinator.north"), "/api/meetings/" + meeting)).body()).contains(caseA, correctedMinutes);

        // --- a second case, held ------------------------------------------------------------------------
        String caseB = created(api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()));
        created(api.post(token("police.north"), "/api/cases/" + caseB + "/intel", anItem().observedAt(start.minusSeconds(60).toString()).json()));
        ok(api.post(token("chair.north"), "/api/cases/" + caseB + "/legal-hold", "{\"reason\":\"R v Example: disclosure\"}"));

        // --- closure --------------------------------------------------------------------------------------
        for (String id : List.of(caseA, caseB)) {
            JsonNode closed = ok(api.post(token("coordinator.north"), "/api/cases/" + id + "/close", "{\"reason\":\"RISK_REDUCED\"}")).json();
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        }
        Document keyA = mongo.getCollection("case_keys").find(new Document("_id", caseA)).first();
        assertThat(keyA.get("wrappedKey", Binary.class).getData()).isNotEmpty();
        int kekOfA = keyA.getInteger("kekVersion");
        // what no canary shows: the wrapped key, the sealed name and the blind index, as bytes
        Document storedA = mongo.getCollection("cases").find(new Document("_id", caseA)).first();
        List<byte[]> rawTraces = List.of(keyA.get("wrappedKey", Binary.class).getData(),
                storedA.get("childNameSealed", Binary.class).getData(),
                storedA.getString("childIndex").getBytes(StandardCharsets.UTF_8));

        // --- seven years on: B (never went to MACE) is due but held; A (went to MACE) is not due yet ---
        clock.set(start.atZone(LONDON).plusYears(7).plusDays(2).toInstant());
        sweep.run();
        assertThat(due("admin")).extracting(d -> d.get("caseId").asString()).doesNotContain(caseA).contains(caseB);
        assertThat(dueEntry("admin", caseB).get("status").asString()).isEqualTo("HELD");
        assertThat(dueEntry("admin", caseB).get("schedule").asString()).isEqualTo("case-closed-7y");
        problem(api.post(token("admin"), "/api/retention/due/" + caseB + "/proposal", ""), 409, "legal-hold");

        // --- twenty-five years on: A is due ------------------------------------------------------------
        clock.set(start.atZone(LONDON).plusYears(25).plusDays(2).toInstant());
        sweep.run();
        JsonNode dueA = dueEntry("admin", caseA);
        assertThat(dueA.get("status").asString()).isEqualTo("DUE");
        assertThat(dueA.get("schedule").asString()).isEqualTo("case-went-to-mace-25y");
        assertThat(dueA.toString()).doesNotContain(child);
        assertThat(due("chair.south")).isEmpty();
        problem(api.get(token("police.north"), "/api/retention/due"), 403, "forbidden");

        // --- two people: nobody approves their own proposal; ADMIN proposes but never approves ----------
        ok(api.post(token("chair.north"), "/api/retention/due/" + caseA + "/proposal", ""));
        problem(api.post(token("chair.north"), "/api/retention/due/" + caseA + "/approval", ""), 403, "forbidden");
        ok(api.delete(token("chair.north"), "/api/retention/due/" + caseA + "/proposal"));
        assertThat(ok(api.post(token("admin"), "/api/retention/due/" + caseA + "/proposal", "")).json().get("status").asString())
                .isEqualTo("PROPOSED");
        problem(api.post(token("admin"), "/api/retention/due/" + caseA + "/approval", ""), 403, "forbidden");
        problem(api.post(token("chair.south"), "/api/retention/due/" + caseA + "/approval", ""), 403, "forbidden");
        JsonNode erased = ok(api.post(token("chair.north"), "/api/retention/due/" + caseA + "/approval", "")).json();
        assertThat(erased.get("dataKeyDestroyed").asBoolean()).isTrue();
        // the approver cannot see the source-protected item, so the response tells them no counts:
        // the tombstone holds them, for auditors (below)
        assertThat(erased.has("erased")).isFalse();
        assertThat(erased.toString()).doesNotContain("intel-items");

        // --- no API yields anything of A --------------------------------------------------------------
        StringBuilder seen = new StringBuilder();
        for (String user : List.of("police.north", "csc.north", "coordinator.north", "chair.north")) {
            String t = token(user);
            for (String path : List.of("/api/cases/" + caseA, "/api/cases/" + caseA + "/members",
                    "/api/cases/" + caseA + "/intel", "/api/cases/" + caseA + "/intel/" + items.get(0),
                    "/api/cases/" + caseA + "/intel/" + items.get(0) + "/revisions", "/api/cases/" + caseA + "/missing-episodes",
                    "/api/cases/" + caseA + "/indicators", "/api/cases/" + caseA + "/risk-assessments",
                    "/api/alerts/" + alertId, minutesPath + "/revisions", "/api/cases/" + caseA + "/disruptions",
                    "/api/cases/" + caseA + "/subject-access-export")) {
                HubApi.Reply reply = api.get(t, path);
                assertThat(reply.status()).as(user + " GET " + path + ": " + reply.body()).isEqualTo(404);
                seen.append(reply.body());
            }
            for (String path : List.of("/api/cases", "/api/alerts?limit=500", "/api/meetings/" + meeting, "/api/meetings",
                    "/api/chat/unread", "/api/disruptions", "/api/mace-status")) {
                HubApi.Reply reply = api.get(t, path);
                assertThat(reply.body()).as(user + " GET " + path).doesNotContain(caseA);
                seen.append(reply.body());
            }
            HubApi.Reply found = api.post(t, "/api/cases/find", "{\"childName\":\"" + child + "\",\"dateOfBirth\":\""
                    + LocalDate.now().minusYears(14) + "\"}");
            assertThat(found.json().get("cases")).isEmpty();
            seen.append(found.body());
        }
        problem(api.get(token("chair.north"), "/api/cases/" + caseA + "/legal-hold"), 404, "not-found");
        // the council's update about a place stays, without the link
        JsonNode update = ok(api.get(token("council.north"), "/api/disruptions/" + disruption)).json();
        assertThat(update.toString()).doesNotContain(caseA);
        seen.append(update);
        // the audit trail keeps ids by design, and no content
        seen.append(ok(api.get(token("auditor"), "/api/audit/export.csv")).body());
        for (String canary : canaries) {
            assertThat(seen.toString()).doesNotContain(canary);
        }

        // --- no collection holds a document with its id, but the key tombstone and the audit trail ----
        List<String> ids = new ArrayList<>(List.of(caseA, alertId));
        ids.addAll(items);
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String json = doc.toJson();
                for (String canary : canaries) {
                    assertThat(json).as(collection + " holds " + canary).doesNotContain(canary);
                }
                if (collection.equals("audit_entries")) {
                    continue; // ids only, by design: the trail must show what happened to the case
                }
                if (collection.equals("case_keys") && caseA.equals(doc.get("_id"))) {
                    assertThat(doc.keySet()).as("the key tombstone holds no key material").containsExactlyInAnyOrder("_id", "destroyedAt");
                    continue;
                }
                for (String id : ids) {
                    assertThat(json).as(collection + " still mentions " + id).doesNotContain(id);
                }
            }
        }

        // --- the operator's step after erasures (docs/lawful-handling.md): a new key-encryption key, and
        // the old one retired, so stale copies of the destroyed wrapped key (free space in the store
        // file, a replica's oplog, database backups) are wrapped under a key that no longer exists.
        KeyRotation.Rotation rotation = keyRotation.rotate();
        assertThat(rotation.failed()).isZero();
        assertThat(keyRotation.retireUnusedKeks().retired()).contains(kekOfA);

        // --- nor does the raw database file, once the erasure's scrub has overwritten the removed
        // documents' old pages and the file's free space: no canary, and not even the ciphertexts,
        // the blind index or a stale copy of the wrapped key
        JsonNode scrubbed = awaitEntry(caseA, "case.erasure.scrubbed");
        assertThat(scrubbed.get("outcome").asString()).as(scrubbed.toString()).isEqualTo("SUCCESS");
        List<String> rawFindings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String raw = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String canary : canaries) {
                    if (raw.contains(canary)) {
                        rawFindings.add(file.getFileName() + " holds " + canary);
                    }
                }
                for (int i = 0; i < rawTraces.size(); i++) {
                    if (raw.contains(new String(rawTraces.get(i), StandardCharsets.ISO_8859_1))) {
                        rawFindings.add(file.getFileName() + " holds " + List.of("the wrapped key", "the sealed name",
                                "the blind index").get(i));
                    }
                }
            }
        }
        assertThat(rawFindings).isEmpty();

        // --- the audit trail verifies and shows the tombstone --------------------------------------
        JsonNode verified = ok(api.post(token("auditor"), "/api/audit/verify", "")).json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        JsonNode tombstones = ok(api.get(token("auditor"), "/api/audit/entries?caseId=" + caseA + "&action=case.erased")).json().get("entries");
        assertThat(tombstones).hasSize(1);
        JsonNode details = tombstones.get(0).get("details");
        assertThat(details.get("schedule").asString()).isEqualTo("case-went-to-mace-25y");
        assertThat(details.get("proposedBy").asString()).isEqualTo("admin");
        assertThat(details.get("approvedBy").asString()).isEqualTo("chair.north");
        assertThat(details.get("erased:case").asString()).isEqualTo("1");
        assertThat(details.get("erased:intel-items").asString()).isEqualTo("3");
        assertThat(details.get("erased:risk-records").asString()).isEqualTo("4");
        assertThat(details.get("erased:alerts").asString()).isEqualTo("1");
        assertThat(details.get("erased:meeting-entries").asString()).isEqualTo("4"); // agenda item, two minutes revisions, action
        assertThat(details.get("erased:legal-holds").asString()).isEqualTo("0");
        assertThat(details.get("erased:live-subscriptions").asString()).isEqualTo("0"); // one instance: not stored
        assertThat(details.get("dataKey").asString()).isEqualTo("destroyed");
        assertThat(details.get("storeFile").asString()).isEqualTo("scrub-requested");
        assertThat(details.get("erased:read-markers").asString()).isEqualTo("1");
        assertThat(details.get("erased:disruption-links").asString()).isEqualTo("1");
        assertThat(tombstones.get(0).get("actor").get("subject").asString()).isEqualTo("chair.north");

        // --- B, under legal hold, lived through the same run -----------------------------------------
        assertThat(ok(api.get(token("police.north"), "/api/cases/" + caseB)).json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(ok(api.get(token("police.north"), "/api/cases/" + caseB + "/intel")).json().get("items")).hasSize(1);
        assertThat(dueEntry("admin", caseB).get("status").asString()).isEqualTo("HELD");
        problem(api.post(token("chair.north"), "/api/retention/due/" + caseB + "/approval", ""), 409, "legal-hold");
        sweep.run();
        assertThat(ok(api.get(token("police.north"), "/api/cases/" + caseB)).status()).isEqualTo(200);
        // Lifting the hold puts it back in the review, where it would need a proposal and an approval.
        ok(api.send(token("chair.north"), "DELETE", "/api/cases/" + caseB + "/legal-hold", "application/json",
                "{\"reason\":\"Proceedings concluded\"}"));
        assertThat(dueEntry("admin", caseB).get("status").asString()).isEqualTo("DUE");
    }

    private JsonNode awaitEntry(String caseId, String action) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode entries = ok(api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=" + action)).json()
                    .get("entries");
            if (!entries.isEmpty()) {
                return entries.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + action + " entry for " + caseId + " within 3 minutes");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    private List<JsonNode> alertsFor(String user, String caseId) {
        List<JsonNode> found = new ArrayList<>();
        ok(api.get(token(user), "/api/alerts?limit=500")).json().forEach(a -> {
            if (a.get("caseId").asString().equals(caseId)) {
                found.add(a);
            }
        });
        return found;
    }

    private List<JsonNode> due(String user) {
        List<JsonNode> due = new ArrayList<>();
        ok(api.get(token(user), "/api/retention/due")).json().forEach(due::add);
        return due;
    }

    private JsonNode dueEntry(String user, String caseId) {
        return due(user).stream().filter(d -> d.get("caseId").asString().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError(caseId + " is not in the due list of " + user));
    }

    static String created(HubApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    static HubApi.Reply ok(HubApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    static void problem(HubApi.Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).endsWith(":" + slug);
    }
}
