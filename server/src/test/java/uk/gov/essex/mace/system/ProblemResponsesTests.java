package uk.gov.essex.mace.system;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Every bad request gets RFC 9457 problem+json with a stable type and the request id, and changes nothing. */
class ProblemResponsesTests extends HubIntegrationTest {

    record BadRequest(String name, String method, String path, String contentType, String body, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badRequests() {
        String big = "{\"childName\":\"" + "a".repeat(300_000) + "\"}";
        return Stream.of(
                new BadRequest("malformed JSON", "POST", "/api/cases", "application/json", "{bad", 400, "malformed-body"),
                new BadRequest("unknown field", "POST", "/api/cases", "application/json",
                        aCase().json().replace("{", "{\"evil\":1,"), 400, "unknown-field"),
                new BadRequest("missing fields", "POST", "/api/cases", "application/json", "{}", 400, "validation"),
                new BadRequest("wrong enum", "POST", "/api/cases", "application/json",
                        aCase().exploitationType("MAYBE").json(), 400, "malformed-body"),
                new BadRequest("child 18 or over", "POST", "/api/cases", "application/json",
                        aCase().dateOfBirth("2000-01-01").json(), 400, "not-a-child"),
                new BadRequest("date of birth in future", "POST", "/api/cases", "application/json",
                        aCase().dateOfBirth("2999-01-01").json(), 400, "invalid-date-of-birth"),
                new BadRequest("unknown district", "POST", "/api/cases", "application/json",
                        aCase().district("Atlantis").json(), 400, "unknown-district"),
                new BadRequest("unknown member agency", "POST", "/api/cases", "application/json",
                        aCase().member("no-such-agency").json(), 400, "unknown-agency"),
                new BadRequest("wrong method", "PUT", "/api/cases", "application/json", "{}", 405, "method-not-allowed"),
                new BadRequest("wrong media type", "POST", "/api/cases", "text/plain", "hello", 415, "unsupported-media-type"),
                new BadRequest("unknown path", "GET", "/api/no-such-thing", null, null, 404, "not-found"),
                new BadRequest("unknown case", "GET", "/api/cases/no-such-case", null, null, 404, "not-found"),
                new BadRequest("oversized body", "POST", "/api/cases", "application/json", big, 413, "payload-too-large"),
                new BadRequest("bad page size", "GET", "/api/cases?size=100000", null, null, 400, "invalid-page"),
                new BadRequest("non-numeric page", "GET", "/api/cases?page=x", null, null, 400, "invalid-parameter"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestGetsProblemAndStoresNothing(BadRequest bad) {
        long casesBefore = mongo.getCollection("cases").countDocuments();

        HubApi.Reply reply = api.send(token("police.north"), bad.method(), bad.path(), bad.contentType(), bad.body());

        assertThat(reply.status()).isEqualTo(bad.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + bad.type());
        assertThat(reply.json().get("status").asInt()).isEqualTo(bad.status());
        assertThat(reply.json().get("requestId").asString()).isEqualTo(reply.header("X-Request-Id"));
        assertThat(reply.body()).doesNotContain("trace", "exception", "Exception");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(casesBefore);
    }

    @Test
    void oversizedChunkedBodyGets413() {
        long casesBefore = mongo.getCollection("cases").countDocuments();
        byte[] big = ("{\"childName\":\"" + "a".repeat(300_000) + "\"}").getBytes();
        HttpRequest.Builder request = api.builder(token("police.north"), "/api/cases")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));

        HubApi.Reply reply = api.send(request);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(casesBefore);
    }

    @Test
    void noTokenGets401ProblemWithBearerChallenge() {
        HubApi.Reply reply = api.get(null, "/api/cases");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbageTokenGets401AndIsAudited() {
        long before = mongo.getCollection("audit_entries").countDocuments(new org.bson.Document("action", "auth.failed"));

        HubApi.Reply reply = api.get("not-a-jwt", "/api/cases");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unauthorized");
        assertThat(mongo.getCollection("audit_entries").countDocuments(new org.bson.Document("action", "auth.failed")))
                .isGreaterThan(before);
    }

    @Test
    void suppliedSafeRequestIdIsEchoed() {
        HubApi.Reply reply = api.send(api.builder(null, "/api/cases").header("X-Request-Id", "partner-req-0001").GET());

        assertThat(reply.header("X-Request-Id")).isEqualTo("partner-req-0001");
        assertThat(reply.json().get("requestId").asString()).isEqualTo("partner-req-0001");
    }

    @Test
    void adminOpeningCaseIsForbiddenBySeparationOfDuties() {
        HubApi.Reply reply = api.post(token("admin"), "/api/cases", aCase().json());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:forbidden");
    }

    @Test
    void practitionerOpeningCaseInAnotherQuadrantIsForbidden() {
        HubApi.Reply reply = api.post(token("police.north"), "/api/cases", aCase().district("Basildon").json());

        assertThat(reply.status()).isEqualTo(403);
    }
}
