package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Every bad risk request gets RFC 9457 problem+json with a stable type and changes nothing. Each
 * row runs against a fresh North case holding one open episode ({@code {episode}}) and one deleted
 * episode ({@code {deleted}}).
 */
class RiskBadInputTests extends HubIntegrationTest {

    static final Instant START = Instant.parse("2026-11-01T18:00:00Z");

    record Bad(String name, String method, String path, String body, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badRequests() {
        String future = Instant.now().plus(Duration.ofHours(3)).toString();
        return Stream.of(
                new Bad("episode ends before it starts", "POST", "/missing-episodes",
                        anEpisode().startedAt(START).returnedAt(START.minusSeconds(60)).json(), 400, "ends-before-start"),
                new Bad("episode starts in the future", "POST", "/missing-episodes",
                        "{\"startedAt\":\"" + future + "\"}", 400, "future-start"),
                new Bad("episode returns in the future", "POST", "/missing-episodes",
                        "{\"startedAt\":\"" + START + "\",\"returnedAt\":\"" + future + "\"}", 400, "future-return"),
                new Bad("where found without a return", "POST", "/missing-episodes",
                        anEpisode().startedAt(START).whereFound("Chelmsford station").json(), 400, "not-returned"),
                new Bad("episode without a start", "POST", "/missing-episodes", "{}", 400, "validation"),
                new Bad("return before the start", "POST", "/missing-episodes/{episode}/return",
                        "{\"returnedAt\":\"" + START.minusSeconds(3600) + "\"}", 400, "ends-before-start"),
                new Bad("correction of a stale version", "PUT", "/missing-episodes/{episode}",
                        anEpisode().version(7).startedAt(START).reason("typo").json(), 409, "stale-version"),
                new Bad("correction without a reason", "PUT", "/missing-episodes/{episode}",
                        anEpisode().version(1).startedAt(START).json(), 400, "validation"),
                new Bad("correction that ends before it starts", "PUT", "/missing-episodes/{episode}",
                        anEpisode().version(1).startedAt(START).returnedAt(START.minusSeconds(1)).reason("x").json(),
                        400, "ends-before-start"),
                new Bad("correction of a deleted episode", "PUT", "/missing-episodes/{deleted}",
                        anEpisode().version(2).startedAt(START).reason("typo").json(), 409, "episode-deleted"),
                new Bad("deletion without a reason", "DELETE", "/missing-episodes/{episode}", "{\"version\":1}", 400,
                        "validation"),
                new Bad("unknown episode", "POST", "/missing-episodes/no-such-episode/return",
                        "{\"returnedAt\":\"" + START.plusSeconds(60) + "\"}", 404, "not-found"),
                new Bad("assessment without a level", "POST", "/risk-assessments",
                        anAssessment().level(null).json(), 400, "validation"),
                new Bad("assessment with an unknown level", "POST", "/risk-assessments",
                        anAssessment().level("SEVERE").json(), 400, "malformed-body"),
                new Bad("assessment dated in the future", "POST", "/risk-assessments",
                        anAssessment().assessedOn(LocalDate.now().plusDays(2)).json(), 400, "future-assessment"),
                new Bad("review not after the assessment", "POST", "/risk-assessments",
                        anAssessment().assessedOn(LocalDate.now().minusDays(1)).nextReviewOn(LocalDate.now().minusDays(1))
                                .json(), 400, "invalid-review-date"),
                new Bad("indicator without a source", "POST", "/indicators", anIndicator().sourceNote(null).json(), 400,
                        "validation"),
                new Bad("indicator not in the seed's list", "POST", "/indicators",
                        anIndicator().indicator("BAD_VIBES").json(), 400, "malformed-body"),
                new Bad("indicator observed in the future", "POST", "/indicators",
                        anIndicator().observedOn(LocalDate.now().plusDays(3)).json(), 400, "future-observation"),
                new Bad("unknown case", "POST", "/../no-such-case/missing-episodes", anEpisode().json(), 404, "not-found"));
    }

    String caseId;
    String episode;
    String deleted;

    @BeforeEach
    void caseWithEpisodes() {
        caseId = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();
        String base = "/api/cases/" + caseId + "/missing-episodes";
        episode = api.post(token("police.north"), base, anEpisode().startedAt(START).json()).json().get("id").asString();
        deleted = api.post(token("police.north"), base, anEpisode().startedAt(START).json()).json().get("id").asString();
        api.send(token("police.north"), "DELETE", base + "/" + deleted, "application/json",
                "{\"version\":1,\"reason\":\"duplicate\"}");
    }

    private Document stored() {
        return mongo.getCollection("case_risk").find(new Document("_id", caseId)).first();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void whenBadRiskRequestThenProblemAndNothingChanged(Bad bad) {
        Document before = stored();
        String path = ("/api/cases/" + caseId + bad.path()).replace("{episode}", episode).replace("{deleted}", deleted)
                .replace("/" + caseId + "/../", "/");

        HubApi.Reply reply = api.send(token("police.north"), bad.method(), path, "application/json", bad.body());

        assertThat(reply.status()).as(reply.body()).isEqualTo(bad.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + bad.type());
        assertThat(stored()).isEqualTo(before);
    }
}
