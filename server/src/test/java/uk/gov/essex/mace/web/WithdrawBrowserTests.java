package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/** The author withdraws their own item from the case page, with a reason; other members see it withdrawn live. */
@EnabledIf("uk.gov.essex.mace.web.Browsers#available")
class WithdrawBrowserTests extends HubIntegrationTest {

    @Test
    void whenTheAuthorWithdrawsAnItemThenEveryoneSeesItWithdrawnWithTheReasonAndOnlyTheAuthorHadTheButton() throws Exception {
        String caseId = api.post(token("police.north"), "/api/cases",
                CaseRequests.aCase().member("colchester-council").json()).json().get("id").asString();
        String mine = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                IntelRequests.anItem().text("Seen at the wrong address").json()).json().get("id").asString();
        String page = "/app/case.html?id=" + caseId;
        try (Browser police = Browser.open("http://127.0.0.1:" + port).signIn("police.north", page);
                Browser council = Browser.open("http://127.0.0.1:" + port).signIn("council.north", page)) {
            police.await("#live-status.live");
            council.await("#live-status.live");
            council.awaitText("#timeline", "Seen at the wrong address", Duration.ofSeconds(5));
            assertThat(council.all("button.withdraw")).as("not the council officer's item").isEmpty();

            police.await("button.withdraw[data-item='" + mine + "']").click();
            police.await("#withdraw-reason").sendKeys("Wrong child: shared on the wrong case");
            police.screenshot("withdraw-police.north");
            police.await("#withdraw-confirm").click();

            police.await("#item-" + mine + ".withdrawn", Duration.ofSeconds(5));
            council.await("#item-" + mine + ".withdrawn", Duration.ofSeconds(5));
            council.awaitText("#item-" + mine, "Wrong child: shared on the wrong case", Duration.ofSeconds(2));
            assertThat(police.all("button.withdraw[data-item='" + mine + "']")).as("withdrawn once").isEmpty();
            council.screenshot("withdrawn-council.north");
        }
        assertThat(api.get(token("police.north"), "/api/cases/" + caseId + "/intel/" + mine).json().get("status").asString())
                .isEqualTo("WITHDRAWN");
    }
}
