package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.HubUnavailableException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.cases.OpenCaseRequest;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.sdk.FaultyProxy.Fault;
import uk.gov.essex.mace.support.DemoTokens;

/**
 * Failures injected between the SDK and the real hub by {@link FaultyProxy}: retries happen where
 * they are safe, never where they could do something twice, and tokens refresh by themselves.
 */
class SdkReliabilityTests extends SdkIntegrationTest {

    private FaultyProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new FaultyProxy(baseUrl());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void getWhenHubAnswers503OnceThenRetriedAndSucceeds() {
        CaseResponse opened = openCase();
        proxy.failNext("GET", "/api/cases/", Fault.REFUSE_503);
        assertThat(partner(POLICE, proxy.url()).cases().get(opened.id()).id()).isEqualTo(opened.id());
        assertThat(proxy.count("GET", "/api/cases/" + opened.id())).isEqualTo(2);
    }

    @Test
    void getWhenConnectionDroppedAfterHubAnsweredThenRetriedAndSucceeds() {
        CaseResponse opened = openCase();
        proxy.failNext("GET", "/api/cases/", Fault.FORWARD_THEN_DROP);
        assertThat(partner(POLICE, proxy.url()).cases().get(opened.id()).id()).isEqualTo(opened.id());
        assertThat(proxy.count("GET", "/api/cases/" + opened.id())).isEqualTo(2);
    }

    @Test
    void openWhenHubRefusesWith503ThenRetriedWithSameKeyAndOneCaseOpened() {
        String child = uniqueChild();
        proxy.failNext("POST", "/api/cases", Fault.REFUSE_503);
        CaseResponse opened = partner(POLICE, proxy.url()).cases().open(request(child));
        assertThat(proxy.count("POST", "/api/cases")).isEqualTo(2);
        assertThat(proxy.idempotencyKeys()).hasSize(2).containsOnly(proxy.idempotencyKeys().get(0));
        assertThat(casesNamed(child)).containsExactly(opened.id());
    }

    @Test
    void openWhenAnswerLostAfterHubOpenedCaseThenNotRepeatedSoNoDuplicate() {
        String child = uniqueChild();
        proxy.failNext("POST", "/api/cases", Fault.FORWARD_THEN_502);
        assertThatThrownBy(() -> partner(POLICE, proxy.url()).cases().open(request(child)))
                .isInstanceOf(HubUnavailableException.class);
        assertThat(proxy.count("POST", "/api/cases")).as("case opening is not de-duplicated by the hub yet").isEqualTo(1);
        assertThat(casesNamed(child)).hasSize(1);
    }

    @Test
    void anyCallWhenHubRefusesTokenOnceThenFreshTokenFetchedAndCallRepeated() {
        HubClient police = partner(POLICE, proxy.url());
        police.cases().listPage(0, 1);
        assertThat(proxy.count("POST", "/oauth2/token")).isEqualTo(1);
        proxy.failNext("GET", "/api/cases", Fault.UNAUTHORIZED);
        assertThat(police.cases().listPage(0, 1).items()).isNotNull();
        assertThat(proxy.count("POST", "/oauth2/token")).isEqualTo(2);
        assertThat(proxy.count("GET", "/api/cases")).isEqualTo(3);
    }

    @Test
    void anyCallWhenTokenNearExpiryThenRefreshedBeforeUseWithoutA401() {
        MovableClock clock = new MovableClock();
        HubClient police = HubClient.builder().baseUrl(proxy.url()).clientCredentials(POLICE, DemoTokens.CLIENT_SECRET)
                .clock(clock).build();
        police.cases().listPage(0, 1);
        clock.advance(Duration.ofMinutes(13));
        police.cases().listPage(0, 1);
        assertThat(proxy.count("POST", "/oauth2/token")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        police.cases().listPage(0, 1);
        assertThat(proxy.count("POST", "/oauth2/token")).as("15-minute token refreshed 60 s early").isEqualTo(2);
        assertThat(proxy.count("GET", "/api/cases")).as("no request was refused").isEqualTo(3);
    }

    @Test
    void shareWhenAnswerLostAfterHubStoredItemThenRetryReturnsSameItemAndOneIsStored() {
        CaseResponse c = openCase();
        proxy.failNext("POST", "/api/cases/" + c.id() + "/intel", Fault.FORWARD_THEN_502);
        IntelItem shared = partner(POLICE, proxy.url()).intel().share(c.id(), SdkIntelTests.item("stored once").build());
        assertThat(proxy.count("POST", "/api/cases/" + c.id() + "/intel")).isEqualTo(2);
        assertThat(proxy.idempotencyKeys()).hasSize(2).containsOnly(proxy.idempotencyKeys().get(0));
        assertThat(partner(POLICE).intel().timeline(c.id()).stream().toList()).extracting(IntelItem::id)
                .containsExactly(shared.id());
    }

    @Test
    void shareWhenConnectionDroppedAfterHubStoredItemThenRetryReturnsSameItem() {
        CaseResponse c = openCase();
        proxy.failNext("POST", "/api/cases/" + c.id() + "/intel", Fault.FORWARD_THEN_DROP);
        proxy.failNext("POST", "/api/cases/" + c.id() + "/intel", Fault.REFUSE_500);
        IntelItem shared = partner(POLICE, proxy.url()).intel().share(c.id(), SdkIntelTests.item("still once").build());
        assertThat(proxy.count("POST", "/api/cases/" + c.id() + "/intel")).isEqualTo(3);
        assertThat(partner(POLICE).intel().timeline(c.id()).stream().toList()).extracting(IntelItem::id)
                .containsExactly(shared.id());
        assertThat(partner(POLICE).intel().get(c.id(), shared.id()).text()).isEqualTo("still once");
    }

    private static OpenCaseRequest request(String child) {
        return new OpenCaseRequest(child, LocalDate.now().minusYears(13), "Tendring", ExploitationType.CSE, List.of());
    }

    private List<String> casesNamed(String child) {
        return partner(POLICE).cases().list(100).stream().filter(c -> c.childName().equals(child)).map(CaseResponse::id)
                .toList();
    }

    /** A clock the test moves forward by hand (the hub keeps real time). */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
