package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.essex.mace.disruption.DisruptionRequests.anUpdate;
import static uk.gov.essex.mace.retention.LegalHoldTests.problem;
import static uk.gov.essex.mace.support.CaseRequests.aCase;
import static uk.gov.essex.mace.support.IntelRequests.anItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.partnership.SharingAgreementProperties;
import uk.gov.essex.mace.partnership.SharingAgreements;
import uk.gov.essex.mace.policy.AccessDeniedProblem;
import uk.gov.essex.mace.policy.Action;
import uk.gov.essex.mace.policy.Decision;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.support.HubApi;

/**
 * Sharing agreements: an agency without one in force is not made a member, and nobody acting for it
 * shares or receives anything, even on a case it joined while its agreement stood, nor anything of
 * a quadrant (disruption updates, meetings, the Part 2 profile). Here Basildon Council's and Stay
 * Safe Essex's agreements ran from 1 April 2024 to 1 January 2025, and the North Essex CSP's starts
 * on 1 January 2099.
 */
class SharingAgreementTests extends RetentionHubTest {

    private static final Instant IN_BASILDON_AGREEMENT = Instant.parse("2024-06-03T10:00:00Z");
    private static final Instant IN_CSP_AGREEMENT = Instant.parse("2099-02-01T10:00:00Z");
    private static final String PROFILE = "/api/profiles?quadrant=SOUTH&from=2024-04-01&to=2024-06-30";

    @Autowired
    PolicyDecisionPoint policy;

    @Autowired
    AuditTrail trail;

    @Autowired
    Partnership partnership;

    @Autowired
    SharingAgreementProperties configured;

    @AfterEach
    void clockBackToNow() {
        clock.set(Instant.now());
    }

    @Test
    void memberWhenAgreementInForceThenRecordedWithItsLawfulBasis() {
        clock.set(Instant.now());
        String caseId = api.post(token("police.north"), "/api/cases", aCase().json()).json().get("id").asString();

        HubApi.Reply added = api.post(token("police.north"), "/api/cases/" + caseId + "/members", "{\"agencyId\":\"colchester-council\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode council = null;
        for (JsonNode m : added.json()) {
            if (m.get("agencyId").asString().equals("colchester-council")) {
                council = m;
            }
        }
        assertThat(council).isNotNull();
        assertThat(council.get("agreement").asString()).isEqualTo("ESSEX-MACE-ISA-DEMO/DISTRICTS");
        assertThat(council.get("lawfulBasis").toString()).contains("Art 6(1)(e)", "Sch 1 para 18");
    }

    @Test
    void memberWhenAgreementEndedThenRefusedAndNothingChanges() {
        clock.set(Instant.now());
        String caseId = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").json()).json().get("id").asString();

        problem(api.post(token("police.south"), "/api/cases/" + caseId + "/members", "{\"agencyId\":\"basildon-council\"}"),
                409, "no-sharing-agreement");
        problem(api.post(token("police.south"), "/api/cases", aCase().district("Basildon").member("basildon-council").json()),
                409, "no-sharing-agreement");

        assertThat(api.get(token("police.south"), "/api/cases/" + caseId + "/members").body()).doesNotContain("basildon-council");
    }

    @Test
    void memberWhoseAgreementEndsThenNeitherSharesNorReceives() {
        clock.set(Instant.parse("2024-06-03T10:00:00Z"));
        String dob = LocalDate.of(2012, 5, 1).toString();
        String caseId = api.post(token("police.south"), "/api/cases", aCase().district("Basildon").dateOfBirth(dob)
                .member("basildon-council").json()).json().get("id").asString();
        String item = "/api/cases/" + caseId + "/intel";
        String observed = "2024-06-02T10:00:00Z";
        assertThat(api.get(token("council.south"), "/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.post(token("council.south"), item, anItem().observedAt(observed).json()).status()).isEqualTo(201);

        clock.set(Instant.now());

        problem(api.get(token("council.south"), "/api/cases/" + caseId), 403, "forbidden");
        problem(api.get(token("council.south"), item), 403, "forbidden");
        problem(api.post(token("council.south"), item, anItem().observedAt(observed).json()), 403, "forbidden");
        assertThat(api.get(token("council.south"), "/api/cases").body()).doesNotContain(caseId);
        assertThat(api.get(token("police.south"), "/api/cases/" + caseId + "/members").body()).contains("basildon-council");
        assertThat(api.get(token("auditor"), "/api/audit/entries?caseId=" + caseId + "&action=access.denied").body())
                .contains("no-sharing-agreement");
    }

    @Test
    void disruptionOfficerWhoseAgreementEndsThenNeitherPostsNorReceivesDisruptionsOrMeetings() {
        clock.set(IN_BASILDON_AGREEMENT);
        String meeting = meeting("coordinator.south", "SOUTH", LocalDate.of(2024, 6, 19));
        HubApi.Reply posted = api.post(token("council.south"), "/api/disruptions", basildonUpdate(LocalDate.of(2024, 6, 1)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String own = posted.json().get("id").asString();
        assertThat(api.get(token("council.south"), "/api/disruptions").body()).contains(own);
        assertThat(api.get(token("council.south"), "/api/meetings/" + meeting).status()).isEqualTo(200);

        clock.set(Instant.now());
        long stored = disruptions();

        problem(api.get(token("council.south"), "/api/disruptions"), 403, "forbidden");
        problem(api.post(token("council.south"), "/api/disruptions", basildonUpdate(today().minusDays(1))), 403, "forbidden");
        problem(api.get(token("council.south"), "/api/meetings/" + meeting), 403, "forbidden");
        // Its own update too: one agency's posts are read as part of the quadrant's list, which it no longer receives.
        problem(api.get(token("council.south"), "/api/disruptions/" + own), 404, "not-found");
        assertThat(api.get(token("council.south"), "/api/meetings").body()).doesNotContain(meeting);
        assertThat(disruptions()).isEqualTo(stored);
        assertThat(api.get(token("police.south"), "/api/disruptions").body()).contains(own);
        assertThat(refusals("council.south")).contains("DISRUPTION_READ", "DISRUPTION_POST", "MEETING_READ");
    }

    @Test
    void disruptionPartnerBeforeItsAgreementStartsThenRefusedUntilItDoes() {
        clock.set(Instant.now());
        String meeting = meeting("coordinator.north", "NORTH", LocalDate.of(2024, 6, 18));
        long stored = disruptions();

        problem(api.get(token("csp.north"), "/api/disruptions"), 403, "forbidden");
        problem(api.post(token("csp.north"), "/api/disruptions", anUpdate().date(today().minusDays(1)).json()), 403, "forbidden");
        problem(api.get(token("csp.north"), "/api/meetings/" + meeting), 403, "forbidden");
        assertThat(disruptions()).isEqualTo(stored);
        assertThat(refusals("csp.north")).contains("DISRUPTION_READ", "DISRUPTION_POST", "MEETING_READ");

        clock.set(IN_CSP_AGREEMENT);

        assertThat(api.get(token("csp.north"), "/api/disruptions").status()).isEqualTo(200);
        HubApi.Reply posted = api.post(token("csp.north"), "/api/disruptions", anUpdate().date(today().minusDays(1)).json());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(api.get(token("csp.north"), "/api/meetings/" + meeting).status()).isEqualTo(200);
    }

    @Test
    void profileReaderWhoseAgreementEndsThenNeitherReadsNorRecordsPart2() {
        clock.set(IN_BASILDON_AGREEMENT);
        assertThat(api.get(token("staysafe.south"), PROFILE).status()).isEqualTo(200);
        assertThat(api.get(token("staysafe.south"), "/api/profiles/meetings?quadrant=SOUTH").status()).isEqualTo(200);

        clock.set(Instant.now());
        long stored = mongo.getCollection("part2_meetings").countDocuments();

        problem(api.get(token("staysafe.south"), PROFILE), 403, "forbidden");
        problem(api.get(token("staysafe.south"), "/api/profiles/meetings?quadrant=SOUTH"), 403, "forbidden");
        problem(api.post(token("staysafe.south"), "/api/profiles/meetings", part2Meeting("SOUTH", "2025-Q1", LocalDate.of(2025, 3, 10))),
                403, "forbidden");
        assertThat(mongo.getCollection("part2_meetings").countDocuments()).isEqualTo(stored);
        assertThat(refusals("staysafe.south")).contains("PROFILE_READ", "PROFILE_MEETING_RECORD");
    }

    /**
     * No demo agency lacks an agreement (configuration can end one, not remove it), so this asks a
     * decision point built from the hub's own agreements less Colchester's, against the hub's own.
     */
    @Test
    void agencyWithNoAgreementThenRefusedWhatSharesButNotRecordsManagementOrAudit() {
        clock.set(Instant.now());
        Map<String, SharingAgreementProperties.Agreement> withoutColchester = new HashMap<>(configured.agreements());
        withoutColchester.remove("colchester-council");
        PolicyDecisionPoint none = new PolicyDecisionPoint(trail,
                new SharingAgreements(new SharingAgreementProperties(withoutColchester), partnership, clock));
        HubPrincipal officer = principal("no-isa.officer", AgencyType.DISTRICT_COUNCIL, Role.DISRUPTION_OFFICER);
        HubPrincipal chair = principal("no-isa.chair", AgencyType.DISTRICT_COUNCIL, Role.MACE_CHAIR);
        HubPrincipal auditor = principal("no-isa.auditor", AgencyType.DISTRICT_COUNCIL, Role.AUDITOR);
        Decision refused = new Decision(false, "no-sharing-agreement");

        for (Action action : List.of(Action.DISRUPTION_POST, Action.DISRUPTION_READ, Action.MEETING_READ)) {
            assertThat(policy.decide(officer, action, Quadrant.NORTH).permitted()).as(action.name()).isTrue();
            assertThat(none.decide(officer, action, Quadrant.NORTH)).as(action.name()).isEqualTo(refused);
        }
        for (Action action : List.of(Action.MEETING_MANAGE, Action.PROFILE_READ, Action.PROFILE_MEETING_RECORD)) {
            assertThat(policy.decide(chair, action, Quadrant.NORTH).permitted()).as(action.name()).isTrue();
            assertThat(none.decide(chair, action, Quadrant.NORTH)).as(action.name()).isEqualTo(refused);
        }
        assertThat(policy.decide(chair, Action.PROFILE_COUNTY_READ).permitted()).isTrue();
        assertThat(none.decide(chair, Action.PROFILE_COUNTY_READ)).isEqualTo(refused);
        assertThat(none.decide(chair, Action.RETENTION_REVIEW).permitted()).isTrue();
        assertThat(none.decide(chair, Action.MACE_RE_EVALUATE).permitted()).isTrue();
        assertThat(none.decideRetention(chair, Action.ERASURE_APPROVE, Quadrant.NORTH).permitted()).isTrue();
        assertThat(none.decide(auditor, Action.AUDIT_READ).permitted()).isTrue();

        assertThatThrownBy(() -> none.check(officer, Action.DISRUPTION_READ, Quadrant.NORTH))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(refusals("no-isa.officer")).containsExactly("DISRUPTION_READ");
    }

    private HubPrincipal principal(String subject, AgencyType type, Role role) {
        return new HubPrincipal(subject, "colchester-council", type, Set.of(role), EnumSet.allOf(Quadrant.class), "hub-cli",
                "test");
    }

    /** The actions refused to {@code actor} for want of a sharing agreement, from the audit trail. */
    private List<String> refusals(String actor) {
        HubApi.Reply reply = api.get(token("auditor"), "/api/audit/entries?actor=" + actor + "&action=access.denied&size=500");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : reply.json().get("entries")) {
            JsonNode details = entry.get("details");
            if (details.get("reason").asString().equals("no-sharing-agreement")) {
                actions.add(details.get("action").asString());
            }
        }
        return actions;
    }

    private String meeting(String coordinator, String quadrant, LocalDate day) {
        HubApi.Reply created = api.post(token(coordinator), "/api/meetings", "{\"quadrant\":\"" + quadrant + "\",\"date\":\"" + day + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String basildonUpdate(LocalDate day) {
        return anUpdate().place("Bus Station Cafe", "SS14 1AA", "Basildon").date(day).json();
    }

    private static String part2Meeting(String quadrant, String quarter, LocalDate heldOn) {
        return "{\"quadrant\":\"" + quadrant + "\",\"quarter\":\"" + quarter + "\",\"heldOn\":\"" + heldOn
                + "\",\"themes\":[{\"title\":\"Hotel keys\",\"detail\":\"Keys found on children\",\"shareWith\":[\"STAY_SAFE_GROUPS\"]}]}";
    }

    private long disruptions() {
        return mongo.getCollection("disruption_updates").countDocuments();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }
}
