package uk.gov.essex.mace.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * Seeds records for a profile through the real APIs, as the agencies would: cases with canary
 * identities, risk assessments that move children on and off MACE, missing episodes with where
 * they were found, indicators, intelligence with locations, disruption updates. Every case id,
 * child name and date of birth used is kept, to prove none reaches a profile.
 */
final class Part2Scenario {

    private final HubApi api;
    private final DemoTokens tokens;
    private final String run;
    final List<String> caseIds = new ArrayList<>();
    final List<String> identities = new ArrayList<>();

    Part2Scenario(HubApi api, DemoTokens tokens, String run) {
        this.api = api;
        this.tokens = tokens;
        this.run = run;
    }

    /** Opens a case as {@code user}; the child's name and date of birth are canaries. */
    String openCase(String user, String district, String exploitationType) {
        int n = caseIds.size() + 1;
        String name = "CANARY-CHILD-" + run + "-" + n;
        String dob = LocalDate.of(2010, 1, 1).plusDays(37L * n).toString();
        HubApi.Reply reply = api.post(tokens.user(user), "/api/cases", "{\"childName\":\"" + name + "\",\"dateOfBirth\":\""
                + dob + "\",\"district\":\"" + district + "\",\"exploitationType\":\"" + exploitationType
                + "\",\"memberAgencies\":[\"essex-csc\"]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").asString();
        caseIds.add(id);
        identities.add(name);
        identities.add(dob);
        return id;
    }

    /** A Risk in the Community Record assessment: HIGH and known to be exploited puts the child on MACE. */
    void assess(String user, String caseId, String level, LocalDate on) {
        ok(api.post(tokens.user(user), "/api/cases/" + caseId + "/risk-assessments", "{\"level\":\"" + level
                + "\",\"exploitationType\":\"CCE\",\"knownToBeExploited\":true,\"assessedOn\":\"" + on
                + "\",\"nextReviewOn\":\"" + on.plusMonths(3) + "\"}"));
    }

    void episode(String caseId, String startedAt, String whereFound) {
        Instant start = Instant.parse(startedAt);
        String found = whereFound == null ? "" : ",\"returnedAt\":\"" + start.plusSeconds(7200) + "\",\"whereFound\":\""
                + whereFound + "\"";
        ok(api.post(tokens.user("police.north"), "/api/cases/" + caseId + "/missing-episodes",
                "{\"startedAt\":\"" + start + "\"" + found + "}"));
    }

    void indicator(String caseId, String indicator, LocalDate observedOn) {
        ok(api.post(tokens.user("police.north"), "/api/cases/" + caseId + "/indicators", "{\"indicator\":\"" + indicator
                + "\",\"observedOn\":\"" + observedOn + "\",\"sourceNote\":\"Seen by an officer\"}"));
    }

    void intel(String caseId, String label, String observedAt, String place, String postcode, String district) {
        String location = "{\"placeName\":" + q(place) + ",\"address\":null,\"postcode\":" + q(postcode) + ",\"district\":"
                + q(district) + "}";
        ok(api.post(tokens.user("police.north"), "/api/cases/" + caseId + "/intel", "{\"text\":\"Seen at a place of concern\","
                + "\"category\":\"LOCATIONS\",\"label\":\"" + label + "\",\"marking\":\"OFFICIAL_SENSITIVE\",\"observedAt\":\""
                + observedAt + "\",\"location\":" + location + "}"));
    }

    void disruption(String user, String type, String label, String date, String premises, String postcode, String district) {
        ok(api.post(tokens.user(user), "/api/disruptions", "{\"type\":\"" + type + "\",\"place\":{\"premisesName\":"
                + q(premises) + ",\"postcode\":" + q(postcode) + ",\"district\":" + q(district) + "},\"date\":\"" + date
                + "\",\"outcome\":\"Done\",\"label\":\"" + label + "\",\"marking\":\"OFFICIAL\"}"));
    }

    private static void ok(HubApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
