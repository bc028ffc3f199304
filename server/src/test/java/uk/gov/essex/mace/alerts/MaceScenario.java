package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;
import static uk.gov.essex.mace.support.CaseRequests.aCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.risk.RiskRequests;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/** Steps the MACE tests share, over real HTTP with real tokens. */
public final class MaceScenario {

    /** Three starts within 28 days (and in the past), so the third report meets the criteria. */
    public static final List<Instant> THREE_IN_28_DAYS = List.of(
            Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-20T09:00:00Z"),
            Instant.parse("2026-04-07T10:59:00Z"));

    private static final AtomicInteger MEETING_DAYS = new AtomicInteger();

    private final HubApi api;
    private final DemoTokens tokens;

    public MaceScenario(HubApi api, DemoTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** A meeting day no other test in this run uses (the store keeps one meeting per quadrant and day). */
    public static LocalDate uniqueMeetingDay() {
        return LocalDate.now().plusDays(2000 + MEETING_DAYS.incrementAndGet());
    }

    /** A case opened by {@code user} in {@code district}, with further member agencies. */
    public String openCase(String user, String district, String... members) {
        var request = aCase().district(district);
        for (String member : members) {
            request.member(member);
        }
        HubApi.Reply opened = api.post(tokens.user(user), "/api/cases", request.json());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().get("id").asString();
    }

    /** A North case (Colchester) opened by police.north with children's social care as a member. */
    public String northCase() {
        return openCase("police.north", "Colchester", "essex-csc");
    }

    public HubApi.Reply report(String user, String caseId, Instant start) {
        return api.post(tokens.user(user), "/api/cases/" + caseId + "/missing-episodes", anEpisode().startedAt(start).json());
    }

    public String reported(String user, String caseId, Instant start) {
        HubApi.Reply reply = report(user, caseId, start);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Reports {@code starts} in order as police.north; returns the episode ids. */
    public List<String> episodes(String caseId, List<Instant> starts) {
        List<String> ids = new ArrayList<>();
        starts.forEach(start -> ids.add(reported("police.north", caseId, start)));
        return ids;
    }

    public HubApi.Reply assess(String user, String caseId, RiskRequests.Assessment assessment) {
        return api.post(tokens.user(user), "/api/cases/" + caseId + "/risk-assessments", assessment.json());
    }

    /** The alerts {@code user} sees for {@code caseId}. */
    public List<JsonNode> alerts(String user, String caseId) {
        HubApi.Reply reply = api.get(tokens.user(user), "/api/alerts?limit=500");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        reply.json().forEach(a -> {
            if (a.get("caseId").asString().equals(caseId)) {
                found.add(a);
            }
        });
        return found;
    }

    public JsonNode onlyAlert(String user, String caseId) {
        List<JsonNode> alerts = alerts(user, caseId);
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }
}
