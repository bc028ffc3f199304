package uk.gov.essex.mace.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.alerts.MaceScenario;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The subject access export over real HTTP, with every kind of record the hub holds about a child
 * (intelligence, risk assessments, missing episodes, indicators, alerts, MACE agenda items, minutes
 * in revisions, actions), some under labels the exporter may not read and some naming third
 * parties: the {@code withheld} list is exactly what was held back, no canary of anything withheld
 * appears in the export or its audit entry, and everything the exporter is entitled to does appear.
 */
class SubjectAccessExportTests extends HubIntegrationTest {

    private static final String POLICE_ONLY_ASK = "the Essex Police officer in the case, or the MACE police lead";
    private static final String HEALTH_ASK = "the named health safeguarding lead";
    private static final List<String> STAFF = List.of("police.north", "healthlead.north", "csc.north", "chair.north",
            "coordinator.north");

    private String run;
    private String caseId;
    private String child;
    /** Canaries the children's social care exporter is entitled to: each must appear in their export. */
    private final List<String> released = new ArrayList<>();
    /** Canaries of withheld things: none may appear in that export or its audit entry. */
    private final List<String> withheldCanaries = new ArrayList<>();
    /** Withheld from children's social care but readable by the chair (police-only). */
    private final List<String> policeOnly = new ArrayList<>();
    /** What children's social care's export must list as withheld: "kind id reason label". */
    private final List<String> expectedWithheld = new ArrayList<>();
    private String policeItem;
    private String alertId;
    private String meetingA;
    private String meetingB;

    @BeforeEach
    void openCase() {
        run = UUID.randomUUID().toString().substring(0, 8);
        child = "SAR-CHILD-" + run;
        caseId = api.post(token("police.north"), "/api/cases", aCase().childName(child).member("essex-csc")
                .member("essex-health").json()).json().get("id").asString();
        expected("staff-name", "case/" + caseId + "/opened-by", "third-party", null);
    }

    /**
     * Every kind of record, each with canaries; fills the expectations above. The meetings come
     * first, while the child does not yet meet the MACE criteria, so the coordinator adds them by
     * hand, with a reason.
     */
    private void everyKindOfRecord() {
        meetings();
        intelligence();
        riskRecords();
        alertAcknowledged();
    }

    private void intelligence() {
        policeItem = share("police.north", anItem().label("police-only").text(canary("POLICE-ONLY", policeOnly))
                .location(canary("POLICE-ONLY-PLACE", policeOnly), "1 High St", "CO1 1AA", "Colchester")
                .person(canary("POLICE-ONLY-PERSON", withheldCanaries), "older male").json());
        withdraw("police.north", policeItem, canary("POLICE-ONLY-WITHDRAWAL", policeOnly));
        expected("intel-item", "intel/" + policeItem, "not-visible-to-exporter", "police-only");

        share("police.north", anItem().label("police-source-protected").text(canary("SOURCE", withheldCanaries))
                .location(canary("SOURCE-PLACE", withheldCanaries), "2 High St", "CO1 1AB", "Colchester").json());

        String health = share("healthlead.north", anItem().text(canary("RELEASED", released) + " seen at A&E [[health-clinical:"
                + canary("HEALTH", withheldCanaries) + "]]").person(canary("PERSON", withheldCanaries), "older male").json());
        expected("text-segment", "intel/" + health + "/r1/part/1", "not-visible-to-exporter", "health-clinical");
        expected("person-of-interest", "intel/" + health + "/r1/person/0", "third-party", null);
        expected("staff-name", "intel/" + health + "/r1/author", "third-party", null);

        String csc = share("csc.north", anItem().text("Home visit [[police-and-csc:" + canary("POLICE-AND-CSC", released)
                + "]]").json());
        assertThat(api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/intel/" + csc, "application/json",
                "{\"expectedRevision\":1,\"text\":\"" + canary("EDITED", released) + "\"}").status()).isEqualTo(200);
        expected("staff-name", "intel/" + csc + "/r1/author", "third-party", null);
        expected("staff-name", "intel/" + csc + "/r2/author", "third-party", null);

        String withdrawn = share("police.north", anItem().text(canary("WITHDRAWN", released)).json());
        withdraw("police.north", withdrawn, canary("WITHDRAWAL-REASON", released));
        expected("staff-name", "intel/" + withdrawn + "/r1/author", "third-party", null);
        expected("staff-name", "intel/" + withdrawn + "/withdrawn-by", "third-party", null);
    }

    private void riskRecords() {
        String assessment = created(api.post(token("csc.north"), "/api/cases/" + caseId + "/risk-assessments",
                anAssessment().json()));
        expected("staff-name", "assessment/" + assessment + "/assessor", "third-party", null);

        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String episode = created(api.post(token("police.north"), "/api/cases/" + caseId + "/missing-episodes",
                anEpisode().startedAt(start).returnedAt(start.plusSeconds(7200)).whereFound(canary("FOUND-AT", released))
                        .json()));
        assertThat(api.send(token("police.north"), "PUT", "/api/cases/" + caseId + "/missing-episodes/" + episode,
                "application/json", anEpisode().version(1).startedAt(start).returnedAt(start.plusSeconds(7200))
                        .whereFound(canary("FOUND-AT-CORRECTED", released)).reason(canary("CORRECTION", released)).json())
                .status()).isEqualTo(200);
        expected("staff-name", "missing-episode/" + episode + "/v1/recorded-by", "third-party", null);
        expected("staff-name", "missing-episode/" + episode + "/v2/recorded-by", "third-party", null);

        String hidden = created(api.post(token("police.north"), "/api/cases/" + caseId + "/indicators", anIndicator()
                .label("police-only").indicator("GANG_ASSOCIATION").sourceNote(canary("INDICATOR-POLICE", policeOnly)).json()));
        expected("indicator", "indicator/" + hidden, "not-visible-to-exporter", "police-only");
        created(api.post(token("police.north"), "/api/cases/" + caseId + "/indicators", anIndicator()
                .label("police-source-protected").sourceNote(canary("INDICATOR-SOURCE", withheldCanaries)).json()));
        String clinic = created(api.post(token("healthlead.north"), "/api/cases/" + caseId + "/indicators", anIndicator()
                .sourceNote(canary("INDICATOR-NOTE", released) + " [[health-clinical:" + canary("INDICATOR-HEALTH",
                        withheldCanaries) + "]]").json()));
        expected("text-segment", "indicator/" + clinic + "/part/1", "not-visible-to-exporter", "health-clinical");
        expected("staff-name", "indicator/" + clinic + "/recorded-by", "third-party", null);
    }

    /** The HIGH, known-to-be-exploited assessment raised a MACE alert; the coordinator acknowledges it. */
    private void alertAcknowledged() {
        alertId = new MaceScenario(api, tokens).onlyAlert("coordinator.north", caseId).get("id").asString();
        assertThat(api.post(token("coordinator.north"), "/api/alerts/" + alertId + "/acknowledge", "").status())
                .isEqualTo(200);
        expected("staff-name", "alert/" + alertId + "/acknowledged-by", "third-party", null);
    }

    /** Meeting A: minutes every reader of the case may read, corrected; meeting B: police-only minutes. */
    private void meetings() {
        meetingA = onAgenda(canary("AGENDA-REASON", released));
        minutes(meetingA, "{\"text\":\"" + canary("MINUTES-R1", released) + "\"}");
        minutes(meetingA, "{\"text\":\"" + canary("MINUTES-R2", released) + " [[police-only:"
                + canary("MINUTES-SEGMENT", policeOnly) + "]]\"}");
        String action = created(api.post(token("coordinator.north"), "/api/meetings/" + meetingA + "/cases/" + caseId
                + "/actions", "{\"kind\":\"ACTION\",\"type\":\"PLAN\",\"description\":\"" + canary("ACTION", released)
                + "\",\"ownerAgency\":\"essex-csc\",\"dueDate\":\"" + LocalDate.now().plusDays(30) + "\"}"));
        expected("staff-name", "meeting/" + meetingA + "/agenda/by", "third-party", null);
        expected("staff-name", "meeting/" + meetingA + "/minutes/r1/recorded-by", "third-party", null);
        expected("staff-name", "meeting/" + meetingA + "/minutes/r2/recorded-by", "third-party", null);
        expected("text-segment", "meeting/" + meetingA + "/minutes/r2/part/1", "not-visible-to-exporter", "police-only");
        expected("staff-name", "meeting/" + meetingA + "/action/" + action + "/recorded-by", "third-party", null);

        meetingB = onAgenda("Police update");
        minutes(meetingB, "{\"text\":\"" + canary("MINUTES-POLICE-R1", policeOnly) + "\",\"label\":\"police-only\"}");
        minutes(meetingB, "{\"text\":\"" + canary("MINUTES-POLICE-R2", policeOnly) + "\"}");
        expected("staff-name", "meeting/" + meetingB + "/agenda/by", "third-party", null);
        expected("minutes", "meeting/" + meetingB + "/minutes", "not-visible-to-exporter", "police-only");
    }

    @Test
    void exportWhenChildrensSocialCareThenEveryWithheldThingListedAndNoWithheldCanaryAppears() {
        everyKindOfRecord();

        HubApi.Reply reply = api.get(token("csc.north"), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String body = reply.body();
        for (String canary : concat(withheldCanaries, policeOnly)) {
            assertThat(body).as("export leaks " + canary).doesNotContain(canary);
        }
        for (String canary : released) {
            assertThat(body).as("export leaves out " + canary).contains(canary);
        }
        assertThat(body).contains(child, "[redacted]");
        for (String staff : STAFF) {
            assertThat(body).as("export names " + staff).doesNotContain("\"" + staff + "\"");
        }
        // Source-protected material the exporter may not know of leaves no trace: not its label, not an entry.
        assertThat(body).doesNotContain("police-source-protected").doesNotContain("source protected");

        JsonNode export = reply.json();
        assertThat(withheld(export)).containsExactlyInAnyOrderElementsOf(expectedWithheld);
        for (JsonNode w : export.get("withheld")) {
            if (w.get("reason").asString().equals("not-visible-to-exporter")) {
                assertThat(w.get("ask").asString()).isIn(POLICE_ONLY_ASK, HEALTH_ASK);
            }
        }
        assertThat(export.get("agencies")).extracting(a -> a.get("agreement").asString()).allMatch(a -> a.startsWith("ESSEX-MACE-ISA"));
        JsonNode risk = export.get("risk");
        assertThat(risk.get("currentLevel").asString()).isEqualTo("HIGH");
        assertThat(risk.get("missingEpisodes").get(0).get("versions")).hasSize(2);
        assertThat(risk.get("indicators")).hasSize(1);
        assertThat(export.get("intelligence")).hasSize(4); // 2 revisions of one item, 2 items of one revision
        assertThat(export.get("alerts")).singleElement().satisfies(a -> {
            assertThat(a.get("id").asString()).isEqualTo(alertId);
            assertThat(a.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        });
        assertThat(export.get("meetings")).extracting(m -> m.get("meetingId").asString()).containsExactly(meetingA, meetingB);
        JsonNode minutesA = export.get("meetings").get(0).get("minutes");
        assertThat(minutesA).extracting(m -> m.get("revision").asInt() + ":" + m.get("current").asBoolean())
                .containsExactly("1:false", "2:true");
        assertThat(export.get("meetings").get(1).get("minutes")).isEmpty();

        JsonNode entry = auditEntry();
        assertThat(entry.get("targets").get(1).asString()).isEqualTo(export.get("exportId").asString());
        JsonNode details = entry.get("details");
        assertThat(details.get("released:intel-revisions").asString()).isEqualTo("4");
        assertThat(details.get("released:meetings").asString()).isEqualTo("2");
        assertThat(details.get("withheld:intel-item:not-visible-to-exporter:police-only").asString()).isEqualTo("1");
        assertThat(details.get("withheld:minutes:not-visible-to-exporter:police-only").asString()).isEqualTo("1");
        assertThat(details.get("withheld:staff-name:third-party").asString())
                .isEqualTo(Long.toString(expectedWithheld.stream().filter(w -> w.startsWith("staff-name ")).count()));
        for (String canary : concat(concat(withheldCanaries, policeOnly), concat(released, List.of(child)))) {
            assertThat(entry.toString()).as("audit entry holds " + canary).doesNotContain(canary);
        }
    }

    @Test
    void exportWhenChairThenPoliceOnlyReleasedButHealthSourceAndThirdPartiesStillAbsent() {
        everyKindOfRecord();

        HubApi.Reply reply = api.get(token("chair.north"), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String body = reply.body();
        for (String canary : concat(released, policeOnly)) {
            assertThat(body).as("chair's export leaves out " + canary).contains(canary);
        }
        for (String canary : withheldCanaries) {
            assertThat(body).as("chair's export leaks " + canary).doesNotContain(canary);
        }
        assertThat(body).doesNotContain("police-source-protected");
        JsonNode export = reply.json();
        assertThat(export.get("producedByRole").asString()).isEqualTo("MACE_CHAIR");
        assertThat(withheld(export)).noneMatch(w -> w.contains("police-only"))
                .contains("staff-name meeting/" + meetingB + "/minutes/r2/recorded-by third-party null")
                .contains("person-of-interest intel/" + policeItem + "/r1/person/0 third-party null");
    }

    @Test
    void exportWhenExporterMayNotReadTheQuadrantsMeetingsThenEachMeetingListedAsWithheld() {
        everyKindOfRecord();

        // csc.south: a practitioner of a member children's social care agency, but covering another quadrant.
        HubApi.Reply reply = api.get(token("csc.south"), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode export = reply.json();
        assertThat(export.get("meetings")).isEmpty();
        assertThat(withheld(export)).filteredOn(w -> w.contains(" meeting/")).containsExactlyInAnyOrder(
                "meeting meeting/" + meetingA + " not-visible-to-exporter null",
                "meeting meeting/" + meetingB + " not-visible-to-exporter null");
        for (String canary : concat(released, policeOnly)) {
            if (canary.contains("-AGENDA-") || canary.contains("-MINUTES-") || canary.contains("-ACTION-")) {
                assertThat(reply.body()).as("export leaks " + canary).doesNotContain(canary);
            }
        }
    }

    static Stream<Arguments> exporters() {
        return Stream.of(
                Arguments.of("csc.north", 200, "children's social care practitioner, member agency"),
                Arguments.of("chair.north", 200, "MACE chair of the quadrant"),
                Arguments.of("police.north", 403, "police, member, but not the local authority"),
                Arguments.of("healthlead.north", 403, "health, member"),
                Arguments.of("coordinator.north", 403, "coordinator: children's social care agency but not a practitioner"),
                Arguments.of("chair.south", 403, "chair of another quadrant"),
                Arguments.of("admin", 403, "administrator reads no content"),
                Arguments.of("auditor", 403, "auditor reads no content"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("exporters")
    void exportIsForTheLocalAuthorityOrTheChair(String user, int status, String why) {
        HubApi.Reply reply = api.get(token(user), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (status != 200) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain(child);
        }
    }

    @Test
    void exportWhenNoSuchCaseThen404() {
        HubApi.Reply reply = api.get(token("csc.north"), "/api/cases/no-such-case/subject-access-export");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private String canary(String name, List<String> into) {
        String canary = "SAR-" + name + "-" + run;
        into.add(canary);
        return canary;
    }

    private void expected(String kind, String id, String reason, String label) {
        expectedWithheld.add(kind + " " + id + " " + reason + " " + label);
    }

    private static List<String> withheld(JsonNode export) {
        List<String> entries = new ArrayList<>();
        for (JsonNode w : export.get("withheld")) {
            entries.add(w.get("kind").asString() + " " + w.get("id").asString() + " " + w.get("reason").asString() + " "
                    + (w.has("label") ? w.get("label").asString() : "null"));
        }
        return entries;
    }

    private JsonNode auditEntry() {
        JsonNode audited = api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=case.sar.export").json();
        assertThat(audited.get("entries")).hasSize(1);
        return audited.get("entries").get(0);
    }

    private String share(String user, String body) {
        return created(api.post(token(user), "/api/cases/" + caseId + "/intel", body));
    }

    private void withdraw(String user, String itemId, String reason) {
        HubApi.Reply reply = api.post(token(user), "/api/cases/" + caseId + "/intel/" + itemId + "/withdraw",
                "{\"reason\":\"" + reason + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String onAgenda(String reason) {
        String meeting = created(api.post(token("coordinator.north"), "/api/meetings", "{\"quadrant\":\"NORTH\",\"date\":\""
                + MaceScenario.uniqueMeetingDay() + "\"}"));
        HubApi.Reply added = api.post(token("coordinator.north"), "/api/meetings/" + meeting + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"" + reason + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return meeting;
    }

    private void minutes(String meeting, String body) {
        HubApi.Reply reply = api.send(token("chair.north"), "PUT", "/api/meetings/" + meeting + "/cases/" + caseId
                + "/minutes", "application/json", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static String created(HubApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
