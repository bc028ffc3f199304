package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import uk.gov.essex.mace.risk.RiskRequests;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/** The other pages in a real browser: my cases (MACE standing, unread counts, live), my alerts (live), the Part 1 agenda. */
@EnabledIf("uk.gov.essex.mace.web.Browsers#available")
class StaffPagesBrowserTests extends HubIntegrationTest {

    private String browserBase() {
        return "http://127.0.0.1:" + port;
    }

    private String openCase(String childName) {
        var reply = api.post(token("police.north"), "/api/cases",
                CaseRequests.aCase().childName(childName).member("essex-csc").json());
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private void meetCriteria(String caseId) {
        assertThat(api.post(token("police.north"), "/api/cases/" + caseId + "/risk-assessments",
                RiskRequests.anAssessment().json()).status()).isEqualTo(201);
    }

    @Test
    void whenAnItemIsSharedThenMyCasesCountsItUnreadLive() throws Exception {
        String caseId = openCase("Sam Unread");
        meetCriteria(caseId);
        try (Browser csc = Browser.open(browserBase()).signIn("csc.north", "/app/index.html")) {
            String row = "tr[data-case='" + caseId + "']";
            csc.awaitText(row, "Sam Unread", Duration.ofSeconds(10));
            csc.awaitText(row, "Meets MACE criteria: high risk exploited", Duration.ofSeconds(5));
            csc.awaitText(row, "no unread", Duration.ofSeconds(5));
            csc.await(row + "[data-live='ready']"); // the hub has confirmed the page's subscription to this case

            api.post(token("police.north"), "/api/cases/" + caseId + "/intel", IntelRequests.anItem().json());

            csc.awaitText("#unread-" + caseId, "1 unread", Duration.ofSeconds(5));
            csc.screenshot("my-cases-csc.north");

            csc.all(row + " a.case-link").get(0).click();
            csc.await("#live-status.live");
            csc.awaitText("#timeline", "Seen with older males", Duration.ofSeconds(5));
            csc.screenshot("case-csc.north");

            // the page marks the feed read (two seconds after showing the newest item)
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (unread("csc.north", caseId) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(unread("csc.north", caseId)).isZero();
        }
    }

    private int unread(String user, String caseId) {
        return api.get(token(user), "/api/chat/unread?caseId=" + caseId).json().get("counts").get(caseId).asInt();
    }

    @Test
    void whenAnAlertIsRaisedThenMyAlertsShowsItLive() throws Exception {
        String caseId = openCase("Jo Alerted");
        try (Browser coordinator = Browser.open(browserBase()).signIn("coordinator.north", "/app/alerts.html")) {
            coordinator.await("#alerts");
            Thread.sleep(1000);

            meetCriteria(caseId);

            coordinator.awaitText("#alert-rows", "high risk exploited", Duration.ofSeconds(3));
            assertThat(coordinator.all("#alert-rows tr a[href*='" + caseId + "']")).hasSize(1);
            assertThat(coordinator.dom()).doesNotContain("Jo Alerted");
            coordinator.screenshot("alerts-coordinator.north");

            coordinator.go("/app/case.html?id=" + caseId);
            coordinator.await("#live-status.live");
            coordinator.awaitText("#mace-status", "Meets MACE criteria", Duration.ofSeconds(5));
            coordinator.screenshot("case-coordinator.north");
        }
    }

    @Test
    void whenACoordinatorOpensTheAgendaThenCasesMeetingTheCriteriaAreOnIt() throws Exception {
        String caseId = openCase("Kim Agenda");
        meetCriteria(caseId);
        LocalDate date = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(100, 3000));
        var meeting = api.post(token("coordinator.north"), "/api/meetings",
                "{\"quadrant\":\"NORTH\",\"date\":\"" + date + "\"}");
        assertThat(meeting.status()).isEqualTo(201);
        try (Browser coordinator = Browser.open(browserBase()).signIn("coordinator.north", "/app/agenda.html")) {
            coordinator.awaitText("#meetings", date.toString(), Duration.ofSeconds(10));
            coordinator.all("#meetings a").stream().filter(a -> a.getText().contains(date.toString())).findFirst()
                    .orElseThrow().click();
            coordinator.await("#meeting tr[data-case='" + caseId + "']");
            coordinator.screenshot("agenda-coordinator.north");
        }
        try (Browser practitioner = Browser.open(browserBase()).signIn("csc.north", "/app/agenda.html")) {
            practitioner.await("#not-coordinator");
            assertThat(practitioner.all("#nav a[href='/app/agenda.html']")).isEmpty();
        }
    }

    @Test
    void whenSigningOutThenTheSessionEndsAndPagesAskToSignInAgain() throws Exception {
        try (Browser csc = Browser.open(browserBase()).signIn("csc.north", "/app/index.html")) {
            csc.await("#sign-out").click();
            csc.await("button[type=submit]").click(); // Spring Security's logout confirmation: a CSRF-protected POST
            new org.openqa.selenium.support.ui.WebDriverWait(csc.driver(), Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?logout"));

            csc.go("/app/index.html");

            new org.openqa.selenium.support.ui.WebDriverWait(csc.driver(), Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
            assertThat(csc.dom()).doesNotContain("My cases");
        }
    }
}
