package uk.gov.essex.mace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Unique canary strings posted in restricted items, segments, locations and persons, and in
 * restricted exploitation indicators, appear in nothing a non-entitled viewer can reach (every
 * endpoint they may call, error bodies, the server log); those and the other free text of a case
 * (missing episodes, indicator notes, MACE agenda reasons) are nowhere in plaintext in the raw
 * MongoDB collections or the database file.
 */
@ExtendWith(OutputCaptureExtension.class)
class CanaryLeakTests extends HubIntegrationTest {

    @Value("${hub.storage.data-dir}")
    Path dataDir;

    @Test
    void restrictedCanariesReachNoNonEntitledViewerLogOrRawStore(CapturedOutput output) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String policeItem = "CANARY-POLICE-ITEM-" + run;
        String sourceItem = "CANARY-SOURCE-ITEM-" + run;
        String healthSegment = "CANARY-HEALTH-SEGMENT-" + run;
        String policeSegment = "CANARY-POLICE-SEGMENT-" + run;
        String place = "CANARY-PLACE-" + run;
        String person = "CANARY-PERSON-" + run;
        String conditions = "CANARY-CONDITIONS-" + run;
        String childName = "CANARY-CHILD-" + run;

        String caseId = api.post(token("police.north"), "/api/cases", aCase().childName(childName)
                .member("essex-csc").member("essex-health").member("colchester-council").json()).json().get("id").asString();
        List<String> itemIds = new ArrayList<>();
        itemIds.add(share(caseId, "police.north", anItem().label("police-only").text(policeItem)
                .location(place, "1 Canary Row", "CO1 1AA", "Colchester").person(person, "associate")
                .grading(2, "B", "C", conditions).json()));
        itemIds.add(share(caseId, "police.north", anItem().label("police-source-protected").text(sourceItem).json()));
        itemIds.add(share(caseId, "healthlead.north", anItem().text("Seen at A&E [[health-clinical:" + healthSegment + "]].").json()));
        itemIds.add(share(caseId, "police.north", anItem().text("Vehicle [[police-only:" + policeSegment + "]] seen.").json()));

        String whereFound = "CANARY-WHERE-FOUND-" + run;
        String sourceNote = "CANARY-INDICATOR-NOTE-" + run;
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/missing-episodes",
                "{\"startedAt\":\"2026-11-01T20:00:00Z\",\"returnedAt\":\"2026-11-02T09:00:00Z\",\"whereFound\":\""
                        + whereFound + "\",\"returnHomeInterview\":true}").status()).isEqualTo(201);
        assertThat(api.post(token("csc.north"), "/api/cases/" + caseId + "/indicators",
                "{\"indicator\":\"MULTIPLE_PHONES_OR_SIMS\",\"observedOn\":\"2026-11-03\",\"sourceNote\":\""
                        + sourceNote + "\"}").status()).isEqualTo(201);
        String policeNote = "CANARY-POLICE-INDICATOR-" + run;
        String sourceProtectedNote = "CANARY-SOURCE-INDICATOR-" + run;
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/indicators",
                "{\"indicator\":\"GANG_ASSOCIATION\",\"observedOn\":\"2026-11-03\",\"label\":\"police-only\","
                        + "\"sourceNote\":\"" + policeNote + "\"}").status()).isEqualTo(201);
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/indicators",
                "{\"indicator\":\"HOTEL_OR_UNKNOWN_KEYS\",\"observedOn\":\"2026-11-03\",\"label\":\"police-source-protected\","
                        + "\"sourceNote\":\"" + sourceProtectedNote + "\"}").status()).isEqualTo(201);
        String agendaReason = "CANARY-AGENDA-REASON-" + run;
        String meetingId = api.post(token("coordinator.north"), "/api/meetings", "{\"quadrant\":\"NORTH\",\"date\":\""
                + java.time.LocalDate.now().plusDays(30_000 + (long) (Math.random() * 20_000)) + "\"}").json().get("id").asString();
        assertThat(api.post(token("coordinator.north"), "/api/meetings/" + meetingId + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"" + agendaReason + "\"}").status()).isEqualTo(200);
        List<String> restricted = List.of(policeItem, sourceItem, healthSegment, policeSegment, place, person, policeNote,
                sourceProtectedNote);
        List<String> sealedAtRest = List.of(conditions, childName, whereFound, sourceNote, agendaReason);
        StringBuilder reachable = new StringBuilder();
        for (String viewer : List.of("council.north", "csc.north", "coordinator.north", "education.north",
                "coordinator.south", "admin", "auditor", "analyst.north")) {
            String t = token(viewer);
            List<HubApi.Reply> replies = new ArrayList<>(List.of(
                    api.get(t, "/api/cases"), api.get(t, "/api/cases/" + caseId), api.get(t, "/api/cases/" + caseId + "/members"),
                    api.get(t, "/api/cases/" + caseId + "/intel"), api.get(t, "/api/cases/" + caseId + "/intel?limit=1"),
                    api.get(t, "/api/labels"), api.get(t, "/api/cases/" + caseId + "/indicators"),
                    api.get(t, "/api/cases/" + caseId + "/mace-standing"), api.get(t, "/api/alerts?limit=500"),
                    api.get(t, "/api/cases/" + caseId + "/intel/no-such-item"),
                    api.post(t, "/api/cases/" + caseId + "/intel", anItem().label("police-only").text("x").json()),
                    api.send(t, "PUT", "/api/cases/" + caseId + "/intel/" + itemIds.get(0), "application/json",
                            "{\"expectedRevision\":1,\"text\":\"x\"}")));
            for (String itemId : itemIds) {
                replies.add(api.get(t, "/api/cases/" + caseId + "/intel/" + itemId));
                replies.add(api.get(t, "/api/cases/" + caseId + "/intel/" + itemId + "/revisions"));
            }
            for (HubApi.Reply reply : replies) {
                reachable.append(reply.body()).append(reply.response().headers().map());
            }
        }
        String all = reachable.toString();
        for (String canary : restricted) {
            assertThat(all).as("a non-entitled viewer reached " + canary).doesNotContain(canary);
        }
        // Handling conditions are shown to every viewer who sees the item or its placeholder.
        assertThat(all).contains(conditions);

        for (String canary : Stream.concat(restricted.stream(), sealedAtRest.stream()).toList()) {
            assertThat(output.getAll()).as("server log contains " + canary).doesNotContain(canary);
            for (String collection : mongo.getCollectionNames()) {
                for (Document doc : mongo.getCollection(collection).find()) {
                    assertThat(doc.toJson()).as(collection + " holds plaintext " + canary).doesNotContain(canary);
                }
            }
        }
        Thread.sleep(1500);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : Stream.concat(restricted.stream(), sealedAtRest.stream()).toList()) {
                    assertThat(raw).as(file + " holds plaintext " + canary).doesNotContain(canary);
                }
            }
        }
    }

    private String share(String caseId, String author, String body) {
        HubApi.Reply reply = api.post(token(author), "/api/cases/" + caseId + "/intel", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }
}
