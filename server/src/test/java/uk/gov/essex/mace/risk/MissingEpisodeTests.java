package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Missing episodes through the real filter chain: report, return, correct, delete, back-date. */
class MissingEpisodeTests extends HubIntegrationTest {

    private String northCase() {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases", aCase().member("essex-csc").json());
        assertThat(opened.status()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    private String path(String caseId) {
        return "/api/cases/" + caseId + "/missing-episodes";
    }

    @Test
    void whenReportedThenReturnedThenBothVersionsKept() {
        String caseId = northCase();
        Instant start = Instant.parse("2026-11-01T19:30:00Z");

        HubApi.Reply reported = api.post(token("police.north"), path(caseId), anEpisode().startedAt(start).json());
        String id = reported.json().get("id").asString();
        HubApi.Reply returned = api.post(token("csc.north"), path(caseId) + "/" + id + "/return",
                "{\"returnedAt\":\"2026-11-02T08:00:00Z\",\"whereFound\":\"Southend bus station\",\"returnHomeInterview\":true}");

        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.json().get("lateReport").asBoolean()).isTrue();
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().get("version").asInt()).isEqualTo(2);
        JsonNode history = api.get(token("police.north"), path(caseId) + "/" + id).json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("current").get("whereFound").asString()).isEqualTo("Southend bus station");
        assertThat(history.get("versions").get(0).get("returnedAt").isNull()).isTrue();
    }

    @Test
    void whenDeletedThenKeptButNotListed() {
        String caseId = northCase();
        String id = api.post(token("police.north"), path(caseId), anEpisode().json()).json().get("id").asString();

        HubApi.Reply deleted = api.send(token("police.north"), "DELETE", path(caseId) + "/" + id, "application/json",
                "{\"version\":1,\"reason\":\"recorded against the wrong child\"}");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.get(token("police.north"), path(caseId)).json()).isEmpty();
        assertThat(api.get(token("police.north"), path(caseId) + "?includeDeleted=true").json()).hasSize(1);
        assertThat(mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "risk.missing-episode.delete").append("targets", id))).isEqualTo(1);
    }

    @Test
    void whenReportedInTheFutureThenRefusedAndNothingStored() {
        String caseId = northCase();

        HubApi.Reply reply = api.post(token("police.north"), path(caseId),
                anEpisode().startedAt(Instant.now().plus(Duration.ofHours(2))).json());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:future-start");
        assertThat(mongo.getCollection("case_risk").countDocuments(new Document("_id", caseId))).isZero();
    }
}
