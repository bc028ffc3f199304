package uk.gov.essex.mace.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The subject access export over real HTTP: what the exporting role may not see, source-protected
 * material, persons of interest and staff names never appear in it; everything withheld that the
 * exporter may know of is listed with its label and reason; the export is audited.
 */
class SubjectAccessExportTests extends HubIntegrationTest {

    private String run;
    private String caseId;
    private String child;
    private String released;
    private String releasedSegment;
    private String policeOnly;
    private String sourceProtected;
    private String healthSegment;
    private String person;
    private String edited;

    @BeforeEach
    void caseWithEveryKindOfContent() {
        run = UUID.randomUUID().toString().substring(0, 8);
        child = "SAR-CHILD-" + run;
        released = "SAR-RELEASED-" + run;
        releasedSegment = "SAR-POLICE-AND-CSC-" + run;
        policeOnly = "SAR-CANARY-POLICE-ONLY-" + run;
        sourceProtected = "SAR-CANARY-SOURCE-" + run;
        healthSegment = "SAR-CANARY-HEALTH-" + run;
        person = "SAR-CANARY-PERSON-" + run;
        edited = "SAR-EDITED-" + run;
        caseId = api.post(token("police.north"), "/api/cases", aCase().childName(child).member("essex-csc")
                .member("essex-health").json()).json().get("id").asString();
        share("police.north", anItem().label("police-only").text(policeOnly).json());
        share("police.north", anItem().label("police-source-protected").text(sourceProtected).json());
        share("healthlead.north", anItem().text(released + " seen at A&E [[health-clinical:" + healthSegment + "]]")
                .person(person, "older male").json());
        String csc = share("csc.north", anItem().text("Home visit [[police-and-csc:" + releasedSegment + "]]").json());
        assertThat(api.send(token("csc.north"), "PUT", "/api/cases/" + caseId + "/intel/" + csc, "application/json",
                "{\"expectedRevision\":1,\"text\":\"" + edited + "\"}").status()).isEqualTo(200);
    }

    @Test
    void exportWhenChildrensSocialCareThenWithheldItemsListedAndNoWithheldCanaryAppears() {
        HubApi.Reply reply = api.get(token("csc.north"), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String body = reply.body();
        for (String canary : List.of(policeOnly, sourceProtected, healthSegment, person)) {
            assertThat(body).as("export leaks " + canary).doesNotContain(canary);
        }
        for (String staff : List.of("police.north", "healthlead.north", "csc.north")) {
            assertThat(body).as("export names " + staff).doesNotContain("\"" + staff + "\"");
        }
        // Source-protected material leaves no trace: not its label, not a count.
        assertThat(body).doesNotContain("police-source-protected").doesNotContain("source protected");

        JsonNode export = reply.json();
        assertThat(export.get("subject").get("childName").asString()).isEqualTo(child);
        assertThat(body).contains(released, releasedSegment, edited, "[redacted]");
        assertThat(export.get("agencies")).extracting(a -> a.get("agreement").asString()).allMatch(a -> a.startsWith("ESSEX-MACE-ISA"));
        assertThat(withheld(export, "intel-item", "police-only")).isEqualTo(1);
        assertThat(withheld(export, "text-segment", "health-clinical")).isEqualTo(1);
        assertThat(withheld(export, "person-of-interest", null)).isEqualTo(1);
        // authors of 4 revisions (3 items + 1 edit) and the case's opener
        assertThat(withheld(export, "staff-name", null)).isEqualTo(4);
        for (JsonNode w : export.get("withheld")) {
            assertThat(w.get("reason").asString()).isIn("not-visible-to-exporter", "third-party");
        }

        JsonNode audited = api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=case.sar.export").json();
        assertThat(audited.get("entries")).hasSize(1);
        JsonNode entry = audited.get("entries").get(0);
        assertThat(entry.get("targets").get(1).asString()).isEqualTo(export.get("exportId").asString());
        assertThat(entry.get("details").get("withheld:intel-item:police-only").asString()).isEqualTo("1");
        assertThat(entry.toString()).doesNotContain(child).doesNotContain(released);
    }

    @Test
    void exportWhenChairThenPoliceOnlyReleasedButSourceProtectedStillAbsent() {
        HubApi.Reply reply = api.get(token("chair.north"), "/api/cases/" + caseId + "/subject-access-export");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains(policeOnly, released).doesNotContain(healthSegment)
                .doesNotContain(sourceProtected).doesNotContain(person).doesNotContain("police-source-protected");
        assertThat(reply.json().get("producedByRole").asString()).isEqualTo("MACE_CHAIR");
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

    private String share(String user, String body) {
        HubApi.Reply reply = api.post(token(user), "/api/cases/" + caseId + "/intel", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static int withheld(JsonNode export, String record, String label) {
        List<Integer> counts = new ArrayList<>();
        for (JsonNode w : export.get("withheld")) {
            boolean labelMatches = label == null ? !w.has("label") : w.has("label") && w.get("label").asString().equals(label);
            if (w.get("record").asString().equals(record) && labelMatches) {
                counts.add(w.get("count").asInt());
            }
        }
        assertThat(counts).as(record + " " + label + " in " + export.get("withheld")).hasSize(1);
        return counts.get(0);
    }
}
