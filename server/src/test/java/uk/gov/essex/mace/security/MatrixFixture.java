package uk.gov.essex.mace.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;

/**
 * The records the authorisation matrix is run against, made through the API by the people who
 * would make them: a North case (Colchester) with police, children's social care and health as
 * members, an item, an episode, a meeting with the case on its agenda and minutes, an action, an alert, a
 * signed tree head. Changes that use a record up (withdraw, delete, acknowledge) get a fresh one.
 */
final class MatrixFixture {

    static final String POLICE = "police.north";
    static final String COORDINATOR = "coordinator.north";
    static final String EXTRA_MEMBER = "essex-youth-justice";

    private final HubApi api;
    private final DemoTokens tokens;
    private final AtomicInteger dayOffset = new AtomicInteger(ThreadLocalRandom.current().nextInt(3_000, 60_000));

    final String caseId;
    final String itemId;
    final String episodeId;
    final String meetingId;
    final String actionId;
    final String alertId;
    final String disruptionId;
    final long treeSize;
    private final AtomicInteger quarter = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 40));

    MatrixFixture(HubApi api, DemoTokens tokens) {
        this.api = api;
        this.tokens = tokens;
        caseId = openNorthCase(false);
        itemId = freshItem();
        episodeId = freshEpisode();
        meetingId = freshMeetingWithCase();
        minutes(meetingId);
        actionId = freshAction(meetingId);
        alertId = freshAlert();
        disruptionId = ok(api.post(tokens.user("council.north"), "/api/disruptions", disruption()), 201).get("id").asString();
        HubApi.Reply head = api.post(tokens.user("auditor"), "/api/audit/tree-heads", "");
        assertThat(head.status()).as(head.body()).isEqualTo(200);
        treeSize = head.json().get("treeSize").asLong();
    }

    String openNorthCase(boolean raisesAlert) {
        JsonNode opened = ok(api.post(tokens.user(POLICE), "/api/cases",
                aCase().member("essex-csc").member("essex-health").json()), 201);
        String id = opened.get("id").asString();
        if (raisesAlert) {
            ok(api.post(tokens.user(POLICE), "/api/cases/" + id + "/risk-assessments", assessment("HIGH")), 201);
        }
        return id;
    }

    String freshItem() {
        return ok(api.post(tokens.user(POLICE), "/api/cases/" + caseId + "/intel", anItem().json()), 201).get("id").asString();
    }

    String freshEpisode() {
        return ok(api.post(tokens.user(POLICE), "/api/cases/" + caseId + "/missing-episodes", episode()), 201)
                .get("id").asString();
    }

    String freshMeetingWithCase() {
        String id = ok(api.post(tokens.user(COORDINATOR), "/api/meetings", meeting()), 201).get("id").asString();
        // The agenda builds itself: the case may already be on it (it meets the criteria).
        HubApi.Reply added = api.post(tokens.user(COORDINATOR), "/api/meetings/" + id + "/agenda",
                "{\"caseId\":\"" + caseId + "\",\"reason\":\"matrix\"}");
        assertThat(added.status()).as(added.body()).isIn(200, 409);
        return id;
    }

    /** All-members minutes for the case at {@code meeting}: reading their revisions is then decided by authorisation alone. */
    void minutes(String meeting) {
        ok(api.send(tokens.user(COORDINATOR), "PUT", "/api/meetings/" + meeting + "/cases/" + caseId + "/minutes",
                "application/json", "{\"text\":\"matrix minutes\"}"), 200);
    }

    String freshAction(String meeting) {
        return ok(api.post(tokens.user(COORDINATOR), "/api/meetings/" + meeting + "/cases/" + caseId + "/actions", action()), 201)
                .get("id").asString();
    }

    /** A new North case assessed HIGH and known to be exploited: the MACE criteria raise an alert at once. */
    String freshAlert() {
        String alertCase = openNorthCase(true);
        for (JsonNode alert : ok(api.get(tokens.user(COORDINATOR), "/api/alerts?limit=500"), 200)) {
            if (alert.get("caseId").asString().equals(alertCase)) {
                return alert.get("id").asString();
            }
        }
        throw new IllegalStateException("no alert was raised for " + alertCase);
    }

    /** A fresh North case closed by the quadrant's coordinator. */
    String freshClosedCase() {
        String id = openNorthCase(false);
        ok(api.post(tokens.user(COORDINATOR), "/api/cases/" + id + "/close", "{\"reason\":\"NO_FURTHER_ACTION\"}"), 200);
        return id;
    }

    /** A fresh North case under a legal hold placed by the chair. */
    String freshCaseOnHold() {
        String id = openNorthCase(false);
        ok(api.post(tokens.user("chair.north"), "/api/cases/" + id + "/legal-hold", "{\"reason\":\"matrix\"}"), 200);
        return id;
    }

    static String disruption() {
        return "{\"type\":\"LICENSING_INSPECTION\",\"place\":{\"premisesName\":\"Matrix Hotel\",\"district\":\"Colchester\"},"
                + "\"date\":\"" + LocalDate.now().minusDays(1) + "\",\"outcome\":\"matrix\",\"label\":\"all-members\","
                + "\"marking\":\"OFFICIAL_SENSITIVE\"}";
    }

    /** A Part 2 meeting for a past quarter no other cell has used. */
    String part2Meeting() {
        int n = quarter.getAndIncrement();
        return "{\"quadrant\":\"NORTH\",\"quarter\":\"" + (1960 + n / 4) + "-Q" + (1 + n % 4) + "\",\"heldOn\":\""
                + LocalDate.now() + "\",\"themes\":[{\"title\":\"matrix\",\"detail\":\"matrix\",\"shareWith\":[\"STAY_SAFE_GROUPS\"]}]}";
    }

    /** Acknowledges {@code alertId} as the quadrant's coordinator (an alert is closed only once acknowledged). */
    String acknowledged(String alertId) {
        ok(api.post(tokens.user(COORDINATOR), "/api/alerts/" + alertId + "/acknowledge", ""), 200);
        return alertId;
    }

    /** A fresh North case with the usual members and one more, for a cell that removes that one. */
    String caseWithExtraMember() {
        return ok(api.post(tokens.user(POLICE), "/api/cases", aCase().member("essex-csc").member("essex-health")
                .member(EXTRA_MEMBER).json()), 201).get("id").asString();
    }

    String meeting() {
        return "{\"quadrant\":\"NORTH\",\"date\":\"" + LocalDate.now().plusDays(dayOffset.incrementAndGet()) + "\"}";
    }

    static String assessment(String level) {
        return "{\"level\":\"" + level + "\",\"exploitationType\":\"CCE\",\"knownToBeExploited\":true,\"assessedOn\":\""
                + LocalDate.now().minusDays(1) + "\",\"nextReviewOn\":\"" + LocalDate.now().plusMonths(3) + "\"}";
    }

    static String episode() {
        return "{\"startedAt\":\"" + Instant.now().minusSeconds(7200) + "\"}";
    }

    static String action() {
        return "{\"kind\":\"" + "ACTION" + "\",\"type\":\"" + "PLAN" + "\",\"description\":\"matrix\",\"ownerAgency\":\"essex-police\","
                + "\"dueDate\":\"" + LocalDate.now().plusDays(14) + "\"}";
    }

    private static JsonNode ok(HubApi.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }
}
