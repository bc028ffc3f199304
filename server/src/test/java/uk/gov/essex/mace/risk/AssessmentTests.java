package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** The assessment history is append-only; the current one is the latest by date, then by recording. */
class AssessmentTests extends HubIntegrationTest {

    @Test
    void whenOlderAssessmentRecordedLaterThenCurrentIsStillTheLatestByDate() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json())
                .json().get("id").asString();
        String path = "/api/cases/" + caseId + "/risk-assessments";
        LocalDate today = LocalDate.now();

        HubApi.Reply high = api.post(token("csc.north"), path, anAssessment().level("HIGH").assessedOn(today.minusDays(1)).json());
        HubApi.Reply older = api.post(token("csc.north"), path, anAssessment().level("LOW").assessedOn(today.minusDays(30)).json());
        JsonNode afterOlder = api.get(token("police.north"), path).json();
        HubApi.Reply sameDay = api.post(token("police.north"), path,
                anAssessment().level("MEDIUM").assessedOn(today.minusDays(1)).json());
        JsonNode afterSameDay = api.get(token("police.north"), path).json();

        assertThat(high.status()).isEqualTo(201);
        assertThat(high.json().get("current").asBoolean()).isTrue();
        assertThat(high.json().get("assessor").asString()).isEqualTo("csc.north");
        assertThat(high.json().get("assessorAgency").asString()).isEqualTo("essex-csc");
        assertThat(older.json().get("current").asBoolean()).isFalse();
        assertThat(afterOlder.get("current").get("level").asString()).isEqualTo("HIGH");
        assertThat(sameDay.json().get("current").asBoolean()).as("same date, recorded later").isTrue();
        assertThat(afterSameDay.get("current").get("level").asString()).isEqualTo("MEDIUM");
        assertThat(afterSameDay.get("history")).extracting(a -> a.get("level").asString())
                .containsExactly("MEDIUM", "HIGH", "LOW");
    }

    @Test
    void whenIndicatorRecordedThenListedWithAgencyAndSource() {
        String caseId = api.post(token("police.north"), "/api/cases", aCase().member("essex-health").json())
                .json().get("id").asString();
        String path = "/api/cases/" + caseId + "/indicators";

        HubApi.Reply recorded = api.post(token("health.north"), path,
                anIndicator().indicator("HOTEL_OR_UNKNOWN_KEYS").sourceNote("Found in coat at A&E").json());
        JsonNode listed = api.get(token("police.north"), path).json();

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("indicator").asString()).isEqualTo("HOTEL_OR_UNKNOWN_KEYS");
        assertThat(listed.get(0).get("recordedByAgency").asString()).isEqualTo("essex-health");
        assertThat(listed.get(0).get("sourceNote").asString()).isEqualTo("Found in coat at A&E");
    }
}
