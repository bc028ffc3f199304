package uk.gov.essex.mace.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.intel.IntelShared;
import uk.gov.essex.mace.intel.ItemViews;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.live.LiveDelivery;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.HubIntegrationTest;
import uk.gov.essex.mace.support.IntelRequests;

/**
 * The case feed over real STOMP connections: each subscriber receives their own projection, live;
 * a source-protected item reaches only those who may see it; a subscription to a case the caller
 * may not read is refused and audited; a member removed after subscribing receives nothing more.
 */
class CaseFeedTests extends HubIntegrationTest {

    @Autowired
    private LiveDelivery live;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ItemViews views;

    @Autowired
    private ApplicationEventPublisher events;

    private String openCase(String... members) {
        CaseRequests request = CaseRequests.aCase();
        for (String m : members) {
            request.member(m);
        }
        return api.post(token("police.north"), "/api/cases", request.json()).json().get("id").asString();
    }

    private JsonNode share(String caseId, IntelRequests item) {
        var reply = api.post(token("police.north"), "/api/cases/" + caseId + "/intel", item.json());
        assertThat(reply.status()).isEqualTo(201);
        return reply.json();
    }

    /** The author's edit of the item at {@code path}, made on {@code expectedRevision}. */
    private void edit(String path, int expectedRevision, String text) {
        assertThat(api.send(token("police.north"), "PUT", path, "application/json",
                "{\"expectedRevision\":" + expectedRevision + ",\"text\":\"" + text + "\"}").status()).isEqualTo(200);
    }

    /** The author's withdrawal of the item at {@code path}. */
    private void withdraw(String path) {
        assertThat(api.post(token("police.north"), path + "/withdraw", "{\"reason\":\"Wrong child\"}").status()).isEqualTo(200);
    }

    private static boolean about(JsonNode message, String itemId) {
        return itemId.equals(message.path("item").path("id").asString());
    }

    @Test
    void whenAnItemIsSharedThenEachSubscriberReceivesTheirOwnProjection() throws Exception {
        String caseId = openCase("essex-csc", "colchester-council");
        String secret = "Unit " + UUID.randomUUID();
        String feed = "/user/queue/cases/" + caseId;
        try (LiveClient police = LiveClient.connect(baseUrl(), token("police.north"));
                LiveClient csc = LiveClient.connect(baseUrl(), token("csc.north"));
                LiveClient council = LiveClient.connect(baseUrl(), token("council.north"))) {
            assertThat(police.subscribe(feed)).isTrue();
            assertThat(csc.subscribe(feed)).isTrue();
            assertThat(council.subscribe(feed)).isTrue();

            String itemId = share(caseId, IntelRequests.anItem().text("Seen at [[police-only:" + secret + "]] today"))
                    .get("id").asString();

            JsonNode toPolice = police.next(m -> about(m, itemId), Duration.ofSeconds(5));
            JsonNode toCsc = csc.next(m -> about(m, itemId), Duration.ofSeconds(5));
            JsonNode toCouncil = council.next(m -> about(m, itemId), Duration.ofSeconds(5));
            assertThat(toPolice.get("change").asString()).isEqualTo("SHARED");
            assertThat(toPolice.get("item").get("text").asString()).contains(secret);
            assertThat(toCsc.toString()).doesNotContain(secret).contains("Police only");
            assertThat(toCouncil.get("item").get("parts").get(1).get("withheld").get("owningAgency").asString())
                    .isEqualTo("essex-police");
            assertThat(toCouncil).isEqualTo(toCsc);
            // the item as announced is the item as stored: what a read returns the same viewer,
            // to the millisecond the store keeps
            assertThat(toCsc.get("item")).isEqualTo(api.get(token("csc.north"), "/api/cases/" + caseId + "/intel/" + itemId).json());
        }
        assertThat(mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "chat.feed.delivered").append("targets", caseId))).isEqualTo(1);
    }

    @Test
    void whenAnItemIsSourceProtectedThenOnlyPoliceIntelligenceReceiveIt() throws Exception {
        String caseId = openCase("essex-csc");
        String feed = "/user/queue/cases/" + caseId;
        try (LiveClient police = LiveClient.connect(baseUrl(), token("police.north"));
                LiveClient csc = LiveClient.connect(baseUrl(), token("csc.north"))) {
            assertThat(police.subscribe(feed)).isTrue();
            assertThat(csc.subscribe(feed)).isTrue();

            String itemId = share(caseId, IntelRequests.anItem().label("police-source-protected").text("CHIS report"))
                    .get("id").asString();

            assertThat(police.next(m -> about(m, itemId), Duration.ofSeconds(5))).isNotNull();
            assertThat(csc.drain(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void whenNotAMemberThenSubscribingToTheCaseFeedIsRefusedAndAudited() throws Exception {
        String caseId = openCase("colchester-council");
        long denied = mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "live.subscribe").append("outcome", "DENIED"));
        try (LiveClient outsider = LiveClient.connect(baseUrl(), token("council.south"))) {
            assertThat(outsider.subscribe("/user/queue/cases/" + caseId)).isFalse();
            assertThat(outsider.ended().get(5, TimeUnit.SECONDS)).contains("subscription refused");
        }
        assertThat(mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "live.subscribe").append("outcome", "DENIED"))).isEqualTo(denied + 1);
    }

    @Test
    void whenTheDestinationIsNotAWellFormedCaseFeedThenSubscribingIsRefused() throws Exception {
        try (LiveClient client = LiveClient.connect(baseUrl(), token("police.north"))) {
            assertThat(client.subscribe("/topic/cases/" + openCase())).isFalse();
        }
        try (LiveClient client = LiveClient.connect(baseUrl(), token("police.north"))) {
            assertThat(client.subscribe("/user/queue/cases/../alerts")).isFalse();
        }
    }

    @Test
    void whenAMemberAgencyIsRemovedAfterSubscribingThenItReceivesNothingMore() throws Exception {
        String caseId = openCase("colchester-council");
        try (LiveClient council = LiveClient.connect(baseUrl(), token("council.north"))) {
            assertThat(council.subscribe("/user/queue/cases/" + caseId)).isTrue();
            assertThat(api.delete(token("police.north"), "/api/cases/" + caseId + "/members/colchester-council").status())
                    .isEqualTo(204);

            share(caseId, IntelRequests.anItem().text("After removal"));

            assertThat(council.drain(Duration.ofMillis(500))).isEmpty();
        }
    }

    /** A case csc.north watches the feed of, with one item shared on it; closing it ends the session. */
    private record Watched(String caseId, String itemId, String path, LiveClient csc) implements AutoCloseable {
        @Override
        public void close() {
            csc.close();
        }
    }

    private Watched watchedItem() throws Exception {
        String caseId = openCase("essex-csc");
        LiveClient csc = LiveClient.connect(baseUrl(), token("csc.north"));
        try {
            assertThat(csc.subscribe("/user/queue/cases/" + caseId)).isTrue();
            String itemId = share(caseId, IntelRequests.anItem().text("First account")).get("id").asString();
            return new Watched(caseId, itemId, "/api/cases/" + caseId + "/intel/" + itemId, csc);
        } catch (Exception | Error e) {
            csc.close();
            throw e;
        }
    }

    @Test
    void whenAnItemIsEditedAndWithdrawnInQuickSuccessionThenEachChangeDeliversWhatItStored() throws Exception {
        try (Watched w = watchedItem()) {
            for (int revision = 1; revision <= 2; revision++) {
                edit(w.path(), revision, "Correction " + revision);
            }
            withdraw(w.path());

            // announced with the item as each change stored it: in order, each with its own revision
            // and text (not the latest one read back when the delivery ran)
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonNode message = w.csc().next(m -> about(m, w.itemId()), Duration.ofSeconds(5));
                assertThat(message).as("message %d of 4", i + 1).isNotNull();
                JsonNode item = message.get("item");
                seen.add(message.get("change").asString() + " " + item.get("revision").asInt() + " "
                        + item.get("status").asString() + " " + item.get("text").asString());
            }
            assertThat(seen).containsExactly(
                    "SHARED 1 ACTIVE First account",
                    "EDITED 2 ACTIVE Correction 1",
                    "EDITED 3 ACTIVE Correction 2",
                    "WITHDRAWN 3 WITHDRAWN Correction 2");
        }
    }

    @Test
    void whenAnEditIsAnnouncedAfterTheWithdrawalThatFollowedItThenTheFeedSendsTheItemAsItNowStands() throws Exception {
        try (Watched w = watchedItem()) {
            edit(w.path(), 1, "Correction");
            ItemViews.ItemView edited = views.current(w.caseId(), w.itemId()).orElseThrow();
            withdraw(w.path());
            for (String change : List.of("SHARED", "EDITED", "WITHDRAWN")) {
                assertThat(w.csc().next(m -> about(m, w.itemId()) && change.equals(m.get("change").asString()), Duration.ofSeconds(5)))
                        .as(change).isNotNull();
            }

            // the edit's own request announces late (two requests committed together announce in
            // either order): its item, active, is older than the withdrawal already announced
            events.publishEvent(new IntelShared(w.caseId(), w.itemId(), 2, IntelShared.Change.EDITED, edited));

            JsonNode late = w.csc().next(m -> about(m, w.itemId()), Duration.ofSeconds(5));
            assertThat(late).isNotNull();
            assertThat(late.get("change").asString()).isEqualTo("EDITED");
            assertThat(late.get("item").get("status").asString()).as("read back, not the stale item").isEqualTo("WITHDRAWN");
        }
    }

    @Test
    void whenNobodyWatchesACaseThenItsFeedIsSkippedUntilSomeoneSubscribes() throws Exception {
        String caseId = openCase("colchester-council");
        String queue = CaseFeedDestinations.queue(caseId);
        assertThat(live.mayHaveSubscribers(queue)).isFalse();
        share(caseId, IntelRequests.anItem().text("Nobody watching"));

        try (LiveClient council = LiveClient.connect(baseUrl(), token("council.north"))) {
            assertThat(council.subscribe("/user/queue/cases/" + caseId)).isTrue();
            assertThat(live.mayHaveSubscribers(queue)).isTrue();
            String itemId = share(caseId, IntelRequests.anItem().text("Now watched")).get("id").asString();
            assertThat(council.next(m -> about(m, itemId), Duration.ofSeconds(5)).get("item").get("text").asString())
                    .isEqualTo("Now watched");
        }
        // the session's end takes it off the case's feed
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (live.mayHaveSubscribers(queue) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(live.mayHaveSubscribers(queue)).isFalse();
        // one delivery audited: the watched item's, none for the item nobody was watching
        assertThat(mongo.getCollection("audit_entries").countDocuments(
                new Document("action", "chat.feed.delivered").append("targets", caseId))).isEqualTo(1);
    }

    @Test
    void whenAnItemIsDeliveredThenTheFeedTimersCountItByStageAndNameNoCase() throws Exception {
        String caseId = openCase("essex-csc");
        Timer delivery = meters.get(CaseFeed.DELIVERY).timer();
        long before = delivery.count();
        share(caseId, IntelRequests.anItem().text("Nobody watching yet"));
        try (LiveClient csc = LiveClient.connect(baseUrl(), token("csc.north"))) {
            assertThat(csc.subscribe("/user/queue/cases/" + caseId)).isTrue();
            String itemId = share(caseId, IntelRequests.anItem().text("Watched")).get("id").asString();
            csc.next(m -> about(m, itemId), Duration.ofSeconds(5));
        }
        // recorded just after the last send, so possibly a moment after the message arrived
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivery.count() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the delivery that reached someone, not the share nobody was watching
        assertThat(delivery.count()).isEqualTo(before + 1);
        for (String stage : java.util.List.of("waiting", "preparing", "auditing", "sending")) {
            assertThat(meters.get(CaseFeed.STAGE).tag("stage", stage).timer().count()).as(stage).isPositive();
        }
        // tags say the stage and nothing else: no case, item, user or agency
        for (Meter meter : meters.find(CaseFeed.STAGE).meters()) {
            assertThat(meter.getId().getTags()).extracting(Tag::getKey).containsOnly("stage");
        }
        assertThat(meters.find(CaseFeed.DELIVERY).meters()).allSatisfy(m -> assertThat(m.getId().getTags()).isEmpty());
    }
}
