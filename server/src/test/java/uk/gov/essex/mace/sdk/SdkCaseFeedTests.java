package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.HubException;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.intel.CaseFeedEvent;
import uk.gov.essex.mace.client.intel.CaseFeedEvent.Change;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.intel.ReviseIntelRequest;
import uk.gov.essex.mace.client.live.LiveListener;
import uk.gov.essex.mace.client.live.LiveSubscription;
import uk.gov.essex.mace.support.DemoTokens;

/**
 * A case's live feed over the hub's real STOMP endpoint, through a TCP relay that can cut the
 * sockets: every share, edit and withdrawal arrives once, in order, as the subscriber's own
 * projection; after a dropped connection the SDK catches up what was shared meanwhile with no gap
 * and no repeat.
 */
class SdkCaseFeedTests extends SdkIntegrationTest {

    private final List<CaseFeedEvent> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> disconnects = new CopyOnWriteArrayList<>();

    private LiveListener<CaseFeedEvent> listener() {
        return new LiveListener<>() {
            @Override
            public void onItem(CaseFeedEvent event) {
                received.add(event);
            }

            @Override
            public void onDisconnected(Throwable cause) {
                disconnects.add(cause);
            }
        };
    }

    @Test
    void subscribeWhenItemSharedEditedWithdrawnThenEachChangeDeliveredOnceInOrder() throws Exception {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        IntelItem before = police.intel().share(c.id(), SdkIntelTests.item("shared before subscribing").build());
        try (LiveSubscription subscription = police.intel().subscribeToCase(c.id(), listener())) {
            await(subscription::isConnected);
            IntelItem a = police.intel().share(c.id(), SdkIntelTests.item("first wording").build());
            police.intel().revise(c.id(), a.id(), ReviseIntelRequest.text(1, "second wording"));
            police.intel().withdraw(c.id(), a.id(), "recorded on the wrong child");
            IntelItem b = police.intel().share(c.id(), SdkIntelTests.item("another sighting").build());
            await(() -> received.size() >= 4);
            Thread.sleep(300);

            assertThat(received).extracting(CaseFeedEvent::change)
                    .containsExactly(Change.SHARED, Change.EDITED, Change.WITHDRAWN, Change.SHARED);
            assertThat(received).extracting(e -> e.item().id()).containsExactly(a.id(), a.id(), a.id(), b.id());
            assertThat(received.get(1).item().revision()).isEqualTo(2);
            assertThat(received.get(1).item().text()).isEqualTo("second wording");
            assertThat(received.get(2).item().status()).isEqualTo("WITHDRAWN");
            assertThat(received).extracting(e -> e.item().id()).doesNotContain(before.id());
        }
    }

    @Test
    void subscribeWhenSocketsCutAndItemsSharedMeanwhileThenEachMissedItemOnceInOrder() throws Exception {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        try (TcpRelay relay = new TcpRelay(port)) {
            HubClient viaRelay = HubClient.builder().baseUrl(relay.url()).clientCredentials(POLICE, DemoTokens.CLIENT_SECRET)
                    .liveReconnectMaxDelay(Duration.ofMillis(500)).build();
            try (LiveSubscription subscription = viaRelay.intel().subscribeToCase(c.id(), listener())) {
                await(subscription::isConnected);
                IntelItem live1 = police.intel().share(c.id(), SdkIntelTests.item("live before the outage").build());
                await(() -> received.size() == 1);

                relay.outage();
                await(() -> !subscription.isConnected());
                List<IntelItem> missed = List.of(
                        police.intel().share(c.id(), SdkIntelTests.item("missed one").build()),
                        police.intel().share(c.id(), SdkIntelTests.item("missed two").build()),
                        police.intel().share(c.id(), SdkIntelTests.item("missed three").build()));
                Thread.sleep(300);
                assertThat(received).as("nothing can arrive during the outage").hasSize(1);
                relay.restore();

                await(() -> subscription.isConnected() && received.size() >= 4);
                IntelItem live2 = police.intel().share(c.id(), SdkIntelTests.item("live after the outage").build());
                await(() -> received.size() >= 5);
                Thread.sleep(300);

                assertThat(received).extracting(e -> e.item().id()).containsExactly(live1.id(), missed.get(0).id(),
                        missed.get(1).id(), missed.get(2).id(), live2.id());
                assertThat(received).extracting(CaseFeedEvent::change).containsOnly(Change.SHARED);
                assertThat(received.get(2).item().text()).isEqualTo("missed two");
                assertThat(disconnects).isNotEmpty();
                assertThat(subscription.connections()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void subscribeWhenViewerOfAnotherAgencyThenOnlyTheirProjectionLiveAndAfterAnOutage() throws Exception {
        HubClient police = partner(POLICE);
        HubClient officer = person("police.north");
        CaseResponse c = openCase("colchester-council");
        try (TcpRelay relay = new TcpRelay(port)) {
            HubClient council = HubClient.builder().baseUrl(relay.url()).clientCredentials(COUNCIL, DemoTokens.CLIENT_SECRET)
                    .liveReconnectMaxDelay(Duration.ofMillis(500)).build();
            try (LiveSubscription subscription = council.intel().subscribeToCase(c.id(), listener())) {
                await(subscription::isConnected);
                IntelItem source = officer.intel().share(c.id(), SdkIntelTests.item("CHIS: the child holds the line phone")
                        .label("police-source-protected").build());
                IntelItem policeOnly = police.intel().share(c.id(), SdkIntelTests.item("Vehicle AB12 CDE collects the child")
                        .label("police-only").build());
                IntelItem open = police.intel().share(c.id(), SdkIntelTests.item("Seen near the takeaway "
                        + "[[police-only:with a man known to police as J]] after school").build());
                await(() -> received.size() >= 2);

                relay.outage();
                await(() -> !subscription.isConnected());
                IntelItem sourceMissed = officer.intel().share(c.id(), SdkIntelTests.item("CHIS: a second phone")
                        .label("police-source-protected").build());
                IntelItem policeOnlyMissed = police.intel().share(c.id(), SdkIntelTests.item("Vehicle XY99 ZZZ seen too")
                        .label("police-only").build());
                relay.restore();
                await(() -> subscription.isConnected() && received.size() >= 3);
                Thread.sleep(500);

                assertThat(received).extracting(e -> e.item().id())
                        .containsExactly(policeOnly.id(), open.id(), policeOnlyMissed.id())
                        .doesNotContain(source.id(), sourceMissed.id());
                for (CaseFeedEvent placeholder : List.of(received.get(0), received.get(2))) {
                    assertThat(placeholder.item().isWithheld()).isTrue();
                    assertThat(placeholder.item().withheld().label()).isEqualTo("police-only");
                    assertThat(placeholder.item().withheld().owningAgency()).isEqualTo("essex-police");
                    assertThat(placeholder.item().text()).isNull();
                    assertThat(placeholder.item().parts()).isEmpty();
                }
                IntelItem partly = received.get(1).item();
                assertThat(partly.isWithheld()).isFalse();
                assertThat(partly.text()).contains("takeaway").doesNotContain("known to police");
                assertThat(partly.parts()).anySatisfy(p -> assertThat(p.isWithheld()).isTrue());
                assertThat(received).allSatisfy(e -> assertThat(String.valueOf(e.item().text())).doesNotContain("CHIS", "AB12", "XY99"));
            }
        }
    }

    @Test
    void subscribeAfterAnItemThenEverythingSharedSinceFirstThenLive() throws Exception {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        IntelItem processed = police.intel().share(c.id(), SdkIntelTests.item("already processed").build());
        IntelItem second = police.intel().share(c.id(), SdkIntelTests.item("shared while we were down").build());
        IntelItem third = police.intel().share(c.id(), SdkIntelTests.item("also shared while we were down").build());
        try (LiveSubscription subscription = police.intel().subscribeToCase(c.id(), processed.id(), listener())) {
            await(() -> subscription.isConnected() && received.size() >= 2);
            IntelItem fourth = police.intel().share(c.id(), SdkIntelTests.item("live").build());
            await(() -> received.size() >= 3);
            Thread.sleep(300);
            assertThat(received).extracting(e -> e.item().id()).containsExactly(second.id(), third.id(), fourth.id());
        }
    }

    @Test
    void subscribeWhenCallerMayNotReadTheCaseThenRefusedAtOnce() {
        CaseResponse policeOnlyCase = openCase();
        assertThatThrownBy(() -> partner(COUNCIL).intel().subscribeToCase(policeOnlyCase.id(), listener()))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).status()).isIn(403, 404));
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
