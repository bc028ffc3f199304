package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The web app in a real browser (Debian's headless chromium), two people on one case: what each
 * sees, live, and what never reaches the one who may not see it (not in the DOM, not in storage,
 * not in a WebSocket frame).
 */
@EnabledIf("uk.gov.essex.mace.web.Browsers#available")
class CaseChatBrowserTests extends HubIntegrationTest {

    private String browserBase() {
        return "http://127.0.0.1:" + port;
    }

    private String openCase(String opener, String... members) {
        var builder = uk.gov.essex.mace.support.CaseRequests.aCase();
        for (String m : members) {
            builder.member(m);
        }
        var reply = api.post(token(opener), "/api/cases", builder.json());
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** Types a message in the page, restricts {@code restricted} (a part of it) to {@code segmentLabel}, and shares it. */
    private static void share(Browser browser, String text, String restricted, String segmentLabel) {
        WebElement box = browser.await("#compose-text");
        box.sendKeys(text);
        if (restricted != null) {
            int from = text.indexOf(restricted);
            browser.script("arguments[0].setSelectionRange(arguments[1], arguments[2]);"
                    + "document.getElementById('segment-label').value = arguments[3];", box, from, from + restricted.length(), segmentLabel);
            browser.await("#restrict").click();
        }
        browser.await("#send").click();
    }

    @Test
    void whenPoliceShareAPoliceOnlySegmentThenCouncilSeesAPlaceholderLiveAndNeverTheText() throws Exception {
        String caseId = openCase("police.north", "colchester-council");
        String secret = "Flat 9 Secret Court " + UUID.randomUUID().toString().substring(0, 8);
        String page = "/app/case.html?id=" + caseId;
        try (Browser police = Browser.open(browserBase()).signIn("police.north", page);
                Browser council = Browser.open(browserBase()).signIn("council.north", page)) {
            police.await("#live-status.live");
            council.await("#live-status.live");

            share(police, "Seen with older males at " + secret + " after school", secret, "police-only");
            long shared = System.nanoTime();
            council.awaitText("#timeline", "Seen with older males at", Duration.ofSeconds(2));
            long arrivedMillis = (System.nanoTime() - shared) / 1_000_000;
            police.awaitText("#timeline", secret, Duration.ofSeconds(5));

            WebElement item = council.all("#timeline li.item").get(0);
            assertThat(item.getText()).contains("Part withheld: Police only").contains("Essex Police (demo)");
            assertThat(item.findElements(org.openqa.selenium.By.cssSelector(".withheld"))).hasSize(1);
            assertThat(council.dom()).doesNotContain(secret).doesNotContain("Secret Court");
            assertThat(council.storage()).doesNotContain("Secret Court");
            List<String> frames = council.framesReceived();
            assertThat(frames).anyMatch(f -> f.contains("Seen with older males at"));
            assertThat(frames).noneMatch(f -> f.contains("Secret Court"));
            assertThat(police.framesReceived()).anyMatch(f -> f.contains(secret));
            // the author sees which of their words others are shown a placeholder for
            WebElement restricted = police.all("#timeline li.item .restricted").get(0);
            assertThat(restricted.getText()).contains("Police only").contains(secret);
            assertThat(item.findElements(org.openqa.selenium.By.cssSelector(".restricted"))).isEmpty();
            assertThat(arrivedMillis).isLessThan(2000);

            police.screenshot("case-police.north");
            council.screenshot("case-council.north");
        }
    }

    @Test
    void whenAMessageCarriesMarkupThenItIsShownAsTextAndNothingRuns() throws Exception {
        String caseId = openCase("police.north", "colchester-council");
        String payload = "<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2;alert(2)\"> & <b>bold</b>";
        String page = "/app/case.html?id=" + caseId;
        try (Browser police = Browser.open(browserBase()).signIn("police.north", page);
                Browser council = Browser.open(browserBase()).signIn("council.north", page)) {
            police.await("#live-status.live");
            council.await("#live-status.live");

            share(police, payload, null, null);

            for (Browser browser : List.of(police, council)) {
                browser.awaitText("#timeline", "<script>window.__xss=1;alert(1)</script>", Duration.ofSeconds(5));
                assertThat(browser.await("#timeline li.item .text").getText()).isEqualTo(payload);
                assertThat(browser.all("#timeline img, #timeline script, #timeline b")).isEmpty();
                assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
                assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            }
            council.screenshot("case-markup-as-text");
        }
    }

    @Test
    void whenNotAMemberThenTheCasePageSaysForbidden() throws Exception {
        String caseId = openCase("police.north", "colchester-council");
        try (Browser outsider = Browser.open(browserBase()).signIn("council.south", "/app/case.html?id=" + caseId)) {
            WebElement refused = outsider.await("#refused");
            assertThat(refused.getAttribute("data-status")).isEqualTo("403");
            assertThat(outsider.driver().getTitle()).contains("403");
            assertThat(outsider.dom()).doesNotContain("Alex Example");
            outsider.screenshot("case-forbidden-council.south");
        }
    }

    @Test
    void whenPagingBackWhileItemsArriveThenEveryItemShowsOnce() throws Exception {
        String caseId = openCase("police.north", "essex-csc");
        for (int i = 1; i <= 45; i++) {
            shareByApi(caseId, "History item " + i);
        }
        try (Browser csc = Browser.open(browserBase()).signIn("csc.north", "/app/case.html?id=" + caseId)) {
            csc.await("#live-status.live");
            csc.awaitText("#timeline", "History item 45", Duration.ofSeconds(5));
            int live = 0;
            while (csc.all("#older").get(0).isDisplayed() && live < 10) {
                shareByApi(caseId, "Live item " + (++live));
                csc.all("#older").get(0).click();
                Thread.sleep(300);
            }
            shareByApi(caseId, "Live item " + (++live));
            csc.awaitText("#timeline", "Live item " + live, Duration.ofSeconds(5));

            List<WebElement> items = csc.all("#timeline li.item");
            Set<String> seqs = new HashSet<>();
            items.forEach(li -> seqs.add(li.getAttribute("id")));
            assertThat(items).hasSize(45 + live);
            assertThat(seqs).hasSize(45 + live);
            for (int i = 1; i <= 45; i++) {
                assertThat(csc.dom()).contains("History item " + i + "<");
            }
            csc.screenshot("case-csc.north-history");
        }
    }

    private void shareByApi(String caseId, String text) {
        var reply = api.post(token("police.north"), "/api/cases/" + caseId + "/intel",
                uk.gov.essex.mace.support.IntelRequests.anItem().text(text).json());
        assertThat(reply.status()).isEqualTo(201);
    }
}
