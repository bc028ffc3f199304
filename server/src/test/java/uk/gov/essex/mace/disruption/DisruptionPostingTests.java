package uk.gov.essex.mace.disruption;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.disruption.DisruptionRequests.anUpdate;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/** Posting disruption updates through the real filter chain: who may, what is stored, bad input, retries. */
class DisruptionPostingTests extends HubIntegrationTest {

    private long stored() {
        return mongo.getCollection("disruption_updates").countDocuments();
    }

    private HubApi.Reply post(String user, String json) {
        return api.post(token(user), "/api/disruptions", json);
    }

    @Test
    void whenCouncilPostsThenStoredSealedAuditedAndReturnedInFull() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String premises = "CANARY-PREMISES-" + run;
        String outcome = "CANARY-OUTCOME-" + run;
        String text = "CANARY-TEXT-" + run;

        HubApi.Reply reply = post("council.north", anUpdate().type("licensing_inspection")
                .place(premises, "co4 9pw", "colchester").outcome(outcome).text(text).json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.get("id").asString();
        assertThat(reply.header("Location")).isEqualTo("/api/disruptions/" + id);
        assertThat(body.get("type").asString()).isEqualTo("LICENSING_INSPECTION");
        assertThat(body.get("quadrant").asString()).isEqualTo("NORTH");
        assertThat(body.get("place").get("premisesName").asString()).isEqualTo(premises);
        assertThat(body.get("place").get("postcode").asString()).isEqualTo("CO4 9PW");
        assertThat(body.get("place").get("district").asString()).isEqualTo("Colchester");
        assertThat(body.get("outcome").asString()).isEqualTo(outcome);
        assertThat(body.get("text").asString()).isEqualTo(text);
        assertThat(body.get("owningAgency").asString()).isEqualTo("colchester-council");
        assertThat(body.has("withheld")).isFalse();
        Document raw = mongo.getCollection("disruption_updates").find(new Document("_id", id)).first();
        assertThat(raw.toJson()).doesNotContain(premises, outcome, text, "CO4 9PW");
        assertThat(raw.getString("keyScope")).startsWith("disruption:NORTH:");
        assertThat(mongo.getCollection("audit_entries").countDocuments(new Document("action", "disruption.post")
                .append("outcome", "SUCCESS").append("targets", id))).isEqualTo(1);
    }

    static Stream<Arguments> posters() {
        return Stream.of(
                Arguments.of("council.north", 201), Arguments.of("csp.north", 201), Arguments.of("police.north", 201),
                Arguments.of("council.south", 403), Arguments.of("police.south", 403),
                Arguments.of("coordinator.north", 403), Arguments.of("chair.north", 403), Arguments.of("csc.north", 403),
                Arguments.of("health.north", 403), Arguments.of("education.north", 403), Arguments.of("analyst.north", 403),
                Arguments.of("staysafe.north", 403), Arguments.of("subcommittee", 403), Arguments.of("admin", 403),
                Arguments.of("auditor", 403));
    }

    @ParameterizedTest(name = "{0} posts about a Colchester place: {1}")
    @MethodSource("posters")
    void whenPostingThenOnlyCouncilsCspsAndPoliceOfTheQuadrant(String user, int status) {
        long before = stored();

        HubApi.Reply reply = post(user, anUpdate().json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(stored()).isEqualTo(before + (status == 201 ? 1 : 0));
        if (status == 403) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void whenPartnerSystemsPostThenCouncilAndPoliceSystemsMay() {
        assertThat(api.post(tokens.client("council-system"), "/api/disruptions", anUpdate().json()).status()).isEqualTo(201);
        assertThat(api.post(tokens.client("police-rms"), "/api/disruptions", anUpdate().district("Basildon")
                .postcode("SS14 1QD").json()).status()).isEqualTo(201);
        assertThat(api.post(tokens.client("council-system"), "/api/disruptions", anUpdate().district("Basildon")
                .postcode("SS14 1QD").json()).status()).isEqualTo(403);
    }

    @Test
    void whenDeniedThenTheDecisionPointAuditsIt() {
        long before = mongo.getCollection("audit_entries").countDocuments(new Document("action", "access.denied")
                .append("details.action", "DISRUPTION_POST"));

        post("health.north", anUpdate().json());

        assertThat(mongo.getCollection("audit_entries").countDocuments(new Document("action", "access.denied")
                .append("details.action", "DISRUPTION_POST"))).isEqualTo(before + 1);
    }

    static Stream<Arguments> badUpdates() {
        return Stream.of(
                Arguments.of("unknown type", anUpdate().type("FLYPOSTING"), "unknown-type"),
                Arguments.of("unknown district", anUpdate().district("Gotham"), "unknown-district"),
                Arguments.of("district outside Essex", anUpdate().district("Ipswich"), "unknown-district"),
                Arguments.of("future date", anUpdate().date(LocalDate.now().plusDays(2)), "date-in-future"),
                Arguments.of("postcode", anUpdate().postcode("NOT A PC"), "invalid-postcode"),
                Arguments.of("unknown label", anUpdate().label("council-secret"), "unknown-label"),
                Arguments.of("label the poster cannot read", anUpdate().label("police-only"), "label-excludes-author"),
                Arguments.of("no such linked case", anUpdate().linkedCase(UUID.randomUUID().toString()), "unreadable-linked-case"),
                Arguments.of("no outcome", anUpdate().outcome(" "), "validation"),
                Arguments.of("no date", anUpdate().date(null), "validation"),
                Arguments.of("no district", anUpdate().district(null), "validation"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badUpdates")
    void whenUpdateBadThenProblemAndNothingStored(String name, DisruptionRequests update, String slug) {
        long before = stored();

        HubApi.Reply reply = post("council.north", update.json());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:" + slug);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void whenLinkedCaseUnreadableThenProblemAndNothingStored() {
        String southCase = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").json())
                .json().get("id").asString();
        String northCase = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();
        long before = stored();

        HubApi.Reply unreadable = post("council.north", anUpdate().linkedCase(southCase).json());
        HubApi.Reply notMember = post("council.north", anUpdate().linkedCase(northCase).json());
        HubApi.Reply twice = post("police.north", anUpdate().linkedCase(northCase).linkedCase(northCase).json());
        HubApi.Reply malformedDate = api.post(token("council.north"), "/api/disruptions",
                anUpdate().json().replaceFirst("\"date\":\"[^\"]+\"", "\"date\":\"31/12/2025\""));

        assertThat(unreadable.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unreadable-linked-case");
        assertThat(notMember.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:unreadable-linked-case");
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:mace-hub:problem:duplicate-linked-case");
        assertThat(malformedDate.status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
        assertThat(unreadable.body() + notMember.body()).doesNotContain(southCase, northCase);
    }

    @Test
    void whenRetriedWithTheSameIdempotencyKeyThenStoredOnce() {
        String key = "council-sys-" + UUID.randomUUID();
        String body = anUpdate().type("CLOSURE_ORDER").json();
        long before = stored();

        HubApi.Reply first = api.send(api.builder(tokens.client("council-system"), "/api/disruptions")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HubApi.Reply retry = api.send(api.builder(tokens.client("council-system"), "/api/disruptions")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HubApi.Reply otherBody = api.send(api.builder(tokens.client("council-system"), "/api/disruptions")
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(anUpdate().type("OTHER").json())));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(stored()).isEqualTo(before + 1);
    }
}
