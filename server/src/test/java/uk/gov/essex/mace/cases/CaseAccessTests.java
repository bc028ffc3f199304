package uk.gov.essex.mace.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Who may read a case, through the real filter chain with real tokens. */
class CaseAccessTests extends HubIntegrationTest {

    /** A North case opened by police.north with children's social care as a second member. */
    private String openNorthCase() {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json());
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("police.north", 200, "member agency (opener)"),
                Arguments.of("csc.north", 200, "member agency"),
                Arguments.of("coordinator.north", 200, "coordinator of the case's quadrant"),
                Arguments.of("chair.north", 200, "chair of the case's quadrant"),
                Arguments.of("coordinator.south", 403, "coordinator of another quadrant"),
                Arguments.of("chair.south", 403, "chair of another quadrant"),
                Arguments.of("health.north", 403, "practitioner of a non-member agency"),
                Arguments.of("council.north", 403, "council officer of a non-member agency"),
                Arguments.of("education.north", 403, "practitioner of a non-member agency"),
                Arguments.of("analyst.north", 403, "analyst reads no identities"),
                Arguments.of("subcommittee", 403, "sub-committee sees aggregates only"),
                Arguments.of("admin", 403, "administrator reads no case content"),
                Arguments.of("auditor", 403, "auditor reads no case content"));
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @MethodSource("readers")
    void readCaseThroughFilterChain(String username, int expected, String why) {
        String caseId = openNorthCase();

        HubApi.Reply reply = api.get(token(username), "/api/cases/" + caseId);

        assertThat(reply.status()).as(why).isEqualTo(expected);
        if (expected == 200) {
            assertThat(reply.json().get("childName").asString()).isEqualTo("Alex Example");
            assertThat(reply.json().get("quadrant").asString()).isEqualTo("NORTH");
        } else {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Alex Example");
        }
    }

    @Test
    void readWhenDeniedThenDenialIsAudited() {
        String caseId = openNorthCase();

        api.get(token("health.north"), "/api/cases/" + caseId);

        long denials = mongo.getCollection("audit_entries").countDocuments(new org.bson.Document("action", "access.denied")
                .append("targets", caseId));
        assertThat(denials).isEqualTo(1);
    }

    @Test
    void listWhenNotMemberThenCaseIsAbsent() {
        String caseId = openNorthCase();

        JsonNode health = api.get(token("health.north"), "/api/cases?size=100").json();
        JsonNode csc = api.get(token("csc.north"), "/api/cases?size=100").json();
        JsonNode southCoordinator = api.get(token("coordinator.south"), "/api/cases?size=100").json();

        assertThat(ids(health)).doesNotContain(caseId);
        assertThat(ids(southCoordinator)).doesNotContain(caseId);
        assertThat(ids(csc)).contains(caseId);
    }

    @Test
    void addMemberThenNewMemberReadsAndRemovalRevokes() {
        String caseId = openNorthCase();
        assertThat(api.get(token("health.north"), "/api/cases/" + caseId).status()).isEqualTo(403);

        HubApi.Reply added = api.post(token("coordinator.north"), "/api/cases/" + caseId + "/members",
                "{\"agencyId\":\"essex-health\"}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(api.get(token("health.north"), "/api/cases/" + caseId).status()).isEqualTo(200);

        assertThat(api.delete(token("coordinator.north"), "/api/cases/" + caseId + "/members/essex-health").status())
                .isEqualTo(204);
        assertThat(api.get(token("health.north"), "/api/cases/" + caseId).status()).isEqualTo(403);
    }

    @Test
    void addMemberWhenCallerNotMemberThenForbiddenAndUnchanged() {
        String caseId = openNorthCase();

        HubApi.Reply reply = api.post(token("education.north"), "/api/cases/" + caseId + "/members",
                "{\"agencyId\":\"essex-education\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.get(token("education.north"), "/api/cases/" + caseId).status()).isEqualTo(403);
    }

    @Test
    void removeLastMemberIsRefused() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();

        HubApi.Reply reply = api.delete(token("police.north"), "/api/cases/" + caseId + "/members/essex-police");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:last-member");
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void partnerSystemOfMemberAgencyReadsCase() {
        String caseId = openNorthCase();

        assertThat(api.get(tokens.client("police-rms"), "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get(tokens.client("council-system"), "/api/cases/" + caseId).status()).isEqualTo(403);
    }

    private static java.util.List<String> ids(JsonNode list) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void openRetriedWithSameIdempotencyKeyStoresOneCase() {
        long before = mongo.getCollection("cases").countDocuments();
        java.util.function.Supplier<HubApi.Reply> open = () -> api.send(api.builder(token("police.north"), "/api/cases")
                .header("Content-Type", "application/json").header("Idempotency-Key", "rms-case-000042")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(aCase().childName("Once Only").json())));

        HubApi.Reply first = open.get();
        HubApi.Reply retry = open.get();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before + 1);
    }
}
