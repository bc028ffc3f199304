package uk.gov.essex.mace.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.risk.RiskRequests.anIndicator;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * Who may record and read risk, through the real filter chain. The case is North, opened by
 * police with children's social care and education as members.
 */
class RiskAccessTests extends HubIntegrationTest {

    private String northCase() {
        HubApi.Reply opened = api.post(token("police.north"), "/api/cases",
                aCase().member("essex-csc").member("essex-education").json());
        return opened.json().get("id").asString();
    }

    private long version(String caseId) {
        Document d = mongo.getCollection("case_risk").find(new Document("_id", caseId)).first();
        return d == null ? 0 : ((Number) d.get("version")).longValue();
    }

    static Stream<Arguments> episodeRecorders() {
        return Stream.of(
                Arguments.of("police.north", 201, "police, member"),
                Arguments.of("csc.north", 201, "children's social care, member"),
                Arguments.of("coordinator.north", 201, "coordinator of the quadrant (children's social care)"),
                Arguments.of("chair.north", 201, "chair of the quadrant (police)"),
                Arguments.of("police-rms", 201, "police partner system"),
                Arguments.of("education.north", 403, "education is a member but does not record missing episodes"),
                Arguments.of("health.north", 403, "not a member"),
                Arguments.of("coordinator.south", 403, "coordinator of another quadrant"),
                Arguments.of("admin", 403, "administrator"),
                Arguments.of("auditor", 403, "auditor"));
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @MethodSource("episodeRecorders")
    void whenRecordingMissingEpisodeThenOnlyPoliceOrSocialCareOfTheCase(String user, int status, String why) {
        String caseId = northCase();
        String token = user.equals("police-rms") ? tokens.client(user) : token(user);

        HubApi.Reply reply = api.post(token, "/api/cases/" + caseId + "/missing-episodes", anEpisode().json());

        assertThat(reply.status()).as(why).isEqualTo(status);
        assertThat(version(caseId)).isEqualTo(status == 201 ? 1 : 0);
    }

    static Stream<Arguments> riskRecorders() {
        return Stream.of(
                Arguments.of("police.north", 201),
                Arguments.of("education.north", 201),
                Arguments.of("coordinator.north", 201),
                Arguments.of("health.north", 403),
                Arguments.of("coordinator.south", 403),
                Arguments.of("admin", 403),
                Arguments.of("auditor", 403));
    }

    @ParameterizedTest(name = "{0} records assessment and indicator: {1}")
    @MethodSource("riskRecorders")
    void whenRecordingAssessmentOrIndicatorThenMembersAndQuadrantOversightOnly(String user, int status) {
        String caseId = northCase();

        HubApi.Reply assessed = api.post(token(user), "/api/cases/" + caseId + "/risk-assessments", anAssessment().json());
        HubApi.Reply indicated = api.post(token(user), "/api/cases/" + caseId + "/indicators", anIndicator().json());

        assertThat(assessed.status()).isEqualTo(status);
        assertThat(indicated.status()).isEqualTo(status);
        if (status == 403) {
            assertThat(assessed.contentType()).startsWith("application/problem+json");
            assertThat(version(caseId)).isZero();
        }
    }

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("csc.north", 200), Arguments.of("chair.north", 200),
                Arguments.of("health.north", 403), Arguments.of("coordinator.south", 403), Arguments.of("admin", 403));
    }

    @ParameterizedTest(name = "{0} reads risk: {1}")
    @MethodSource("readers")
    void whenReadingRiskThenAsCaseRead(String user, int status) {
        String caseId = northCase();
        api.post(token("police.north"), "/api/cases/" + caseId + "/missing-episodes", anEpisode().json());

        for (String part : new String[] {"risk-assessments", "missing-episodes", "indicators"}) {
            HubApi.Reply reply = api.get(token(user), "/api/cases/" + caseId + "/" + part);
            assertThat(reply.status()).as(part).isEqualTo(status);
        }
    }
}
