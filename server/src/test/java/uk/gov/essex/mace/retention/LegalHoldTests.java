package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Legal holds: who may place and lift them, with a reason, sealed at rest, audited. */
class LegalHoldTests extends HubIntegrationTest {

    private String caseId;
    private String hold;

    @BeforeEach
    void northCase() {
        caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
        hold = "/api/cases/" + caseId + "/legal-hold";
    }

    static Stream<Arguments> holders() {
        return Stream.of(
                Arguments.of("chair.north", 200, "MACE chair of the quadrant"),
                Arguments.of("police.north", 200, "police intelligence of a member police agency"),
                Arguments.of("police.south", 200, "police intelligence of a member police agency, other quadrant"),
                Arguments.of("csc.north", 403, "children's social care practitioner"),
                Arguments.of("coordinator.north", 403, "MACE coordinator"),
                Arguments.of("chair.south", 403, "chair of another quadrant"),
                Arguments.of("health.north", 403, "not a member"),
                Arguments.of("admin", 403, "administrator"),
                Arguments.of("auditor", 403, "auditor"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("holders")
    void placeIsForTheChairOrMemberPoliceIntelligence(String user, int status, String why) {
        HubApi.Reply reply = api.post(token(user), hold, "{\"reason\":\"Op Example: criminal proceedings\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(api.get(token("chair.north"), hold).json().get("held").asBoolean()).isEqualTo(status == 200);
    }

    @Test
    void placeThenLiftWithReasonsSealedAndAudited() {
        String reason = "HOLD-REASON-" + caseId;

        HubApi.Reply placed = api.post(token("chair.north"), hold, "{\"reason\":\"" + reason + "\"}");
        HubApi.Reply again = api.post(token("police.north"), hold, "{\"reason\":\"again\"}");
        HubApi.Reply read = api.get(token("police.north"), hold);
        Document stored = mongo.getCollection("legal_holds").find(new Document("_id", caseId)).first();
        HubApi.Reply lifted = api.send(token("police.north"), "DELETE", hold, "application/json", "{\"reason\":\"Concluded\"}");
        HubApi.Reply liftedAgain = api.send(token("police.north"), "DELETE", hold, "application/json", "{\"reason\":\"Concluded\"}");

        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().get("held").asBoolean()).isTrue();
        problem(again, 409, "already-held");
        assertThat(read.json().get("reason").asString()).isEqualTo(reason);
        assertThat(read.json().get("placedBy").asString()).isEqualTo("chair.north");
        assertThat(stored.toJson()).doesNotContain(reason);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.json().get("held").asBoolean()).isFalse();
        assertThat(lifted.json().get("liftReason").asString()).isEqualTo("Concluded");
        problem(liftedAgain, 409, "not-held");
        String audit = api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId).body();
        assertThat(audit).contains("case.legal-hold.place", "case.legal-hold.lift").doesNotContain(reason);
    }

    @Test
    void placeWhenNoReasonOrNoCaseThenProblem() {
        problem(api.post(token("chair.north"), hold, "{\"reason\":\" \"}"), 400, "validation");
        problem(api.post(token("chair.north"), hold, ""), 400, "malformed-body");
        problem(api.send(token("chair.north"), "DELETE", hold, null, null), 400, "malformed-body");
        problem(api.post(token("chair.north"), "/api/cases/no-such-case/legal-hold", "{\"reason\":\"x\"}"), 404, "not-found");
        problem(api.post(null, hold, "{\"reason\":\"x\"}"), 401, "unauthorized");
    }

    static void problem(HubApi.Reply reply, int status, String slug) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).endsWith(":" + slug);
    }
}
