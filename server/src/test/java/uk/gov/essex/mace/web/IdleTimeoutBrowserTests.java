package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/**
 * A page left alone for 30 minutes signs itself out: the token is forgotten, the live feed
 * closed, the case's content wiped from the page, and nothing shared afterwards reaches it. The
 * page's clock is moved on (its idle check reads {@code Date.now()}) rather than waiting half an hour.
 */
@EnabledIf("uk.gov.essex.mace.web.Browsers#available")
class IdleTimeoutBrowserTests extends HubIntegrationTest {

    @Test
    void whenThePageIsIdleForThirtyMinutesThenItSignsOutAndShowsNothingMore() throws Exception {
        String caseId = api.post(token("police.north"), "/api/cases",
                CaseRequests.aCase().childName("Robin Idle").member("essex-csc").json()).json().get("id").asString();
        api.post(token("police.north"), "/api/cases/" + caseId + "/intel", IntelRequests.anItem().text("Before the break").json());

        try (Browser csc = Browser.open("http://127.0.0.1:" + port).signIn("csc.north", "/app/case.html?id=" + caseId)) {
            csc.await("#live-status.live");
            csc.awaitText("#timeline", "Before the break", Duration.ofSeconds(5));

            csc.script("const real = Date.now.bind(Date); Date.now = () => real() + 31 * 60 * 1000;");
            // the page checks every 30 s
            csc.awaitText("#signed-out", "30 minutes without activity", Duration.ofSeconds(45));
            csc.screenshot("idle-signed-out-csc.north");
            api.post(token("police.north"), "/api/cases/" + caseId + "/intel", IntelRequests.anItem().text("After the break").json());
            Thread.sleep(2000);

            String dom = csc.dom();
            assertThat(dom).doesNotContain("Robin Idle").doesNotContain("Before the break").doesNotContain("After the break");
            assertThat(csc.framesReceived()).noneMatch(frame -> frame.contains("After the break"));
            assertThat(csc.script("return document.querySelector('#live-status.live') === null")).isEqualTo(true);
            assertThat(csc.storage()).doesNotContain("eyJ"); // no token left in the page's storage
        }
    }
}
