package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.retention.LegalHoldTests.problem;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Closing a case starts its retention clock; the quadrant's coordinators and chair close and reopen it. */
class CaseClosureTests extends HubIntegrationTest {

    private String caseId;

    @BeforeEach
    void northCase() {
        caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json()).json().get("id").asString();
    }

    @Test
    void closeThenReopenByCoordinatorRecordsDateAndReason() {
        HubApi.Reply closed = api.post(token("coordinator.north"), "/api/cases/" + caseId + "/close", "{\"reason\":\"RISK_REDUCED\"}");
        HubApi.Reply twice = api.post(token("chair.north"), "/api/cases/" + caseId + "/close", "{\"reason\":\"OTHER\"}");
        JsonNode read = api.get(token("csc.north"), "/api/cases/" + caseId).json();
        HubApi.Reply reopened = api.post(token("chair.north"), "/api/cases/" + caseId + "/reopen", "");
        HubApi.Reply reopenedTwice = api.post(token("chair.north"), "/api/cases/" + caseId + "/reopen", "");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closureReason").asString()).isEqualTo("RISK_REDUCED");
        problem(twice, 409, "already-closed");
        assertThat(read.get("closedAt").isNull()).isFalse();
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().get("closedAt").isNull()).isTrue();
        problem(reopenedTwice, 409, "not-closed");
        assertThat(api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=case.close").json()
                .get("entries")).extracting(e -> e.get("outcome").asString()).containsExactly("SUCCESS", "REJECTED");
    }

    @Test
    void closeWhenNotQuadrantOversightThenForbidden() {
        for (String user : new String[] {"police.north", "csc.north", "coordinator.south", "admin"}) {
            problem(api.post(token(user), "/api/cases/" + caseId + "/close", "{\"reason\":\"RISK_REDUCED\"}"), 403, "forbidden");
        }
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void closeWhenBadReasonOrNoCaseThenProblem() {
        problem(api.post(token("coordinator.north"), "/api/cases/" + caseId + "/close", "{\"reason\":\"BORED\"}"), 400, "malformed-body");
        problem(api.post(token("coordinator.north"), "/api/cases/" + caseId + "/close", "{}"), 400, "validation");
        problem(api.post(token("coordinator.north"), "/api/cases/no-such-case/close", "{\"reason\":\"OTHER\"}"), 404, "not-found");
    }
}
