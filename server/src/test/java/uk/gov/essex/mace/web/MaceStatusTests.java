package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.risk.RiskRequests;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** "My cases" asks which of its cases meet the MACE criteria; cases the caller may not read are left out. */
class MaceStatusTests extends HubIntegrationTest {

    private String openCase() {
        return api.post(token("police.north"), "/api/cases", CaseRequests.aCase().member("essex-csc").json())
                .json().get("id").asString();
    }

    @Test
    void whenACaseMeetsTheCriteriaThenItsStatusSaysWhy() {
        String meets = openCase();
        String below = openCase();
        assertThat(api.post(token("police.north"), "/api/cases/" + meets + "/risk-assessments",
                RiskRequests.anAssessment().json()).status()).isEqualTo(201);

        var reply = api.get(token("csc.north"), "/api/mace-status?caseId=" + meets + "&caseId=" + below);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get(0).get("caseId").asString()).isEqualTo(meets);
        assertThat(reply.json().get(0).get("inCriteria").asBoolean()).isTrue();
        assertThat(reply.json().get(0).get("reasons").get(0).asString()).isEqualTo("HIGH_RISK_EXPLOITED");
        assertThat(reply.json().get(1).get("inCriteria").asBoolean()).isFalse();
    }

    @Test
    void whenTheCallerMayNotReadACaseThenItIsLeftOut() {
        String caseId = openCase();

        var reply = api.get(token("council.south"), "/api/mace-status?caseId=" + caseId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isZero();
        assertThat(api.get(token("admin"), "/api/mace-status?caseId=" + caseId).json().size()).isZero();
    }

    @Test
    void whenNoCaseIsNamedThenBadRequest() {
        assertThat(api.get(token("police.north"), "/api/mace-status").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/mace-status?caseId=x").status()).isEqualTo(401);
    }
}
