package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.alerts.Alert;
import uk.gov.essex.mace.client.alerts.AlertStatus;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.live.LiveListener;
import uk.gov.essex.mace.client.live.LiveSubscription;
import uk.gov.essex.mace.support.DemoTokens;

/**
 * Live alerts over the hub's real STOMP endpoint, through a TCP relay that can cut the network:
 * after an outage the SDK reconnects, catches up what was raised meanwhile, and the listener sees
 * every alert state once.
 */
class SdkLiveAlertsTests extends SdkIntegrationTest {

    private final List<Alert> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> disconnects = new CopyOnWriteArrayList<>();

    private LiveListener<Alert> listener() {
        return new LiveListener<>() {
            @Override
            public void onItem(Alert alert) {
                received.add(alert);
            }

            @Override
            public void onDisconnected(Throwable cause) {
                disconnects.add(cause);
            }
        };
    }

    @Test
    void subscribeWhenAlertRaisedThenDeliveredLive() throws Exception {
        HubClient police = partner(POLICE);
        try (LiveSubscription subscription = police.alerts().subscribe(listener())) {
            await(subscription::isConnected);
            CaseResponse c = openCase();
            SdkRiskAndAlertsTests.threeMissingEpisodes(police, c.id());
            await(() -> received.stream().anyMatch(a -> a.caseId().equals(c.id())));
            assertThat(received.stream().filter(a -> a.caseId().equals(c.id()))).hasSize(1);
        }
    }

    @Test
    void subscribeWhenNetworkDropsThenReconnectsAndCatchesUpWithNoGapOrRepeat() throws Exception {
        try (TcpRelay relay = new TcpRelay(port)) {
            HubClient viaRelay = HubClient.builder().baseUrl(relay.url()).clientCredentials(POLICE, DemoTokens.CLIENT_SECRET)
                    .liveReconnectMaxDelay(Duration.ofMillis(500)).build();
            HubClient police = partner(POLICE);
            try (LiveSubscription subscription = viaRelay.alerts().subscribe(listener())) {
                await(subscription::isConnected);
                CaseResponse before = openCase();
                SdkRiskAndAlertsTests.threeMissingEpisodes(police, before.id());
                await(() -> seen(before).size() == 1);

                relay.outage();
                await(() -> !subscription.isConnected());
                CaseResponse during = openCase();
                SdkRiskAndAlertsTests.threeMissingEpisodes(police, during.id());
                SdkRiskAndAlertsTests.awaitAlert(police, during.id());
                Thread.sleep(300);
                assertThat(seen(during)).as("nothing can arrive during the outage").isEmpty();
                relay.restore();

                await(() -> subscription.isConnected() && seen(during).size() == 1);
                Alert first = seen(before).get(0);
                person("coordinator.north").alerts().acknowledge(first.id());
                await(() -> seen(before).size() == 2);
                Thread.sleep(300);

                assertThat(seen(before)).extracting(Alert::status).containsExactly(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
                assertThat(seen(during)).extracting(Alert::status).containsExactly(AlertStatus.OPEN);
                assertThat(received).extracting(Alert::stateKey).doesNotHaveDuplicates();
                assertThat(disconnects).isNotEmpty();
                assertThat(subscription.connections()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private List<Alert> seen(CaseResponse c) {
        return received.stream().filter(a -> a.caseId().equals(c.id())).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
