package uk.gov.essex.mace.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.gov.essex.mace.audit.InvalidAuditQuery;
import uk.gov.essex.mace.audit.internal.AuditTrailFixture;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.PartnershipProperties;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.partnership.SharingAgreementProperties;
import uk.gov.essex.mace.partnership.SharingAgreements;
import uk.gov.essex.mace.policy.AccessDeniedProblem;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;

/**
 * The audit API over the real trail and the real policy decision point; the principal is put in
 * the security context as the identity feature's filter chain does (that chain and the problem
 * advice are tested where they live).
 */
class AuditControllerTests {

    private static final HubPrincipal AUDITOR = principal("auditor", Role.AUDITOR);
    private static final HubPrincipal PRACTITIONER = principal("pat", Role.PRACTITIONER);

    private AuditTrailFixture fixture;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        fixture = new AuditTrailFixture();
        fixture.append(30);
        fixture.proofs().signTreeHead();
        // No agency has a sharing agreement here: audit reads concern no case, so none is needed.
        Partnership partnership = new Partnership(new PartnershipProperties(Map.of(Quadrant.NORTH, List.of("Colchester")), List.of(), List.of(), List.of()));
        PolicyDecisionPoint policy = new PolicyDecisionPoint(fixture.trail(),
                new SharingAgreements(new SharingAgreementProperties(Map.of()), partnership, Clock.systemUTC()));
        mvc = MockMvcBuilders.standaloneSetup(
                        new AuditEntriesController(policy, fixture.search()),
                        new AuditTreeController(policy, fixture.proofs(), fixture.verifier()))
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                .build();
        signIn(AUDITOR);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fixture.close();
    }

    @Test
    void entriesWhenAuditorFiltersByCaseThenOnlyThatCase() throws Exception {
        mvc.perform(get("/api/audit/entries").param("caseId", "case-7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].seq").value(7))
                .andExpect(jsonPath("$.entries[0].actor.subject").value("alice"))
                .andExpect(jsonPath("$.entries[0].targets[0]").value("case-7"));
    }

    @Test
    void entriesWhenCursorPagingThenNextPageFollows() throws Exception {
        mvc.perform(get("/api/audit/entries").param("size", "10").param("afterSeq", "9"))
                .andExpect(jsonPath("$.entries[0].seq").value(10))
                .andExpect(jsonPath("$.nextAfterSeq").value(19));
    }

    @Test
    void entriesWhenPageTooLargeThenInvalidQuery() {
        assertThatThrownBy(() -> mvc.perform(get("/api/audit/entries").param("size", "5000")))
                .hasCauseInstanceOf(InvalidAuditQuery.class);
    }

    @Test
    void entriesWhenPractitionerThenDeniedAndAudited() {
        signIn(PRACTITIONER);

        assertThatThrownBy(() -> mvc.perform(get("/api/audit/entries")))
                .hasCauseInstanceOf(AccessDeniedProblem.class);
        assertThat(fixture.lastAction()).isEqualTo("access.denied");
    }

    @Test
    void exportWhenAuditorThenCsvAndExportIsAudited() throws Exception {
        MvcResult result = mvc.perform(get("/api/audit/export.csv").param("caseId", "case-3")).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                .andExpect(status().isOk());

        String csv = result.getResponse().getContentAsString();
        assertThat(csv).startsWith("seq,time,subject").contains("\r\n3,2025-03-01T09:30:00.123Z,alice");
        assertThat(csv.lines()).hasSize(2);
        assertThat(fixture.lastAction()).isEqualTo("audit.export");
    }

    @Test
    void treeHeadWhenLatestThenSignedOverEverything() throws Exception {
        mvc.perform(get("/api/audit/tree-heads/latest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.treeSize").value(30));
    }

    @Test
    void proofsWhenOutOfRangeThenInvalidQuery() {
        assertThatThrownBy(() -> mvc.perform(get("/api/audit/proofs/inclusion").param("seq", "30").param("treeSize", "30")))
                .hasCauseInstanceOf(InvalidAuditQuery.class);
        assertThatThrownBy(() -> mvc.perform(get("/api/audit/proofs/consistency").param("from", "0").param("to", "30")))
                .hasCauseInstanceOf(InvalidAuditQuery.class);
        assertThatThrownBy(() -> mvc.perform(get("/api/audit/proofs/consistency").param("from", "1").param("to", "999")))
                .hasCauseInstanceOf(InvalidAuditQuery.class);
    }

    @Test
    void verifyWhenIntactThenReportAndRecorded() throws Exception {
        mvc.perform(post("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(30))
                .andExpect(jsonPath("$.verifiedTreeSize").value(30));
        assertThat(fixture.lastAction()).isEqualTo("audit.verify");
    }

    @Test
    void publicKeyWhenAnyoneThenPemAndJwk() throws Exception {
        signIn(PRACTITIONER);

        mvc.perform(get("/api/audit/public-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.algorithm").value("Ed25519"))
                .andExpect(jsonPath("$.jwk.kty").value("OKP"))
                .andExpect(jsonPath("$.jwk.crv").value("Ed25519"))
                .andExpect(jsonPath("$.pem").value(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY-----\n")));
    }

    private static void signIn(HubPrincipal who) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(who, null, "ROLE_USER"));
    }

    private static HubPrincipal principal(String subject, Role role) {
        return new HubPrincipal(subject, "essex-county", AgencyType.CHILDRENS_SOCIAL_CARE, Set.of(role),
                Set.of(Quadrant.MID), "hub-web", "https://hub.example");
    }
}
