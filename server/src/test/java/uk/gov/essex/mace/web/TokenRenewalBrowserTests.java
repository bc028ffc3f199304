package uk.gov.essex.mace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/**
 * The page renews its access token through the same authorization code + PKCE flow it signed in
 * with (its session cookie authorising the new code), and its live feed reconnects with the new
 * token: the hub sees and audits a second connection, and items shared afterwards still arrive.
 * The renewal is started by hand (the page's timer would start it a minute before the token's
 * fifteen minutes are up), through the page's own module.
 */
@EnabledIf("uk.gov.essex.mace.web.Browsers#available")
class TokenRenewalBrowserTests extends HubIntegrationTest {

    private static final String SESSION = "import('/app/assets/hub.js').then(m => m.session";

    private long connectsBy(String username) {
        return mongo.getCollection("audit_entries").countDocuments(new Document("action", "live.connect")
                .append("outcome", "SUCCESS").append("actor.subject", username));
    }

    @Test
    void whenThePageRenewsItsTokenThenTheLiveFeedReconnectsWithItAndKeepsDelivering() throws Exception {
        String caseId = api.post(token("police.north"), "/api/cases",
                CaseRequests.aCase().childName("Sam Renewal").member("essex-csc").json()).json().get("id").asString();
        api.post(token("police.north"), "/api/cases/" + caseId + "/intel", IntelRequests.anItem().text("Before renewal").json());

        try (Browser csc = Browser.open("http://127.0.0.1:" + port).signIn("csc.north", "/app/case.html?id=" + caseId)) {
            csc.await("#live-status.live");
            csc.awaitText("#timeline", "Before renewal", Duration.ofSeconds(5));
            String first = (String) csc.script("return " + SESSION + ".token)");
            long connects = connectsBy("csc.north");

            assertThat(csc.script("return " + SESSION + ".renew()).then(() => 'renewed')")).isEqualTo("renewed");

            String second = (String) csc.script("return " + SESSION + ".token)");
            assertThat(second).startsWith("eyJ").isNotEqualTo(first);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (connectsBy("csc.north") == connects && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(connectsBy("csc.north")).as("the live feed connected again, with the new token").isEqualTo(connects + 1);
            csc.await("#live-status.live");

            api.post(token("police.north"), "/api/cases/" + caseId + "/intel", IntelRequests.anItem().text("After renewal").json());
            csc.awaitText("#timeline", "After renewal", Duration.ofSeconds(5));
            csc.screenshot("token-renewed-csc.north");
            assertThat(csc.storage()).doesNotContain("eyJ"); // the new token, too, is kept in memory only
        }
    }
}
