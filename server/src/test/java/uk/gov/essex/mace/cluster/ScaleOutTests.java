package uk.gov.essex.mace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.risk.RiskRequests.anEpisode;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.CaseRequests;
import uk.gov.essex.mace.support.DemoTokens;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.IntelRequests;

/**
 * Two hub processes on one store and one RabbitMQ, as a load balancer would spread people over
 * them: an item shared on one reaches the viewers connected to the other, each with their own
 * redacted projection, over real WebSocket STOMP with real tokens; both evaluating one case at
 * once raise one alert, not two, delivered to coordinators on both; and when the instance holding
 * the scheduled-work lease is killed, the other takes the lease and the scheduled work (alert
 * escalation) resumes there within the bound.
 *
 * <p>Relays through RabbitMQ's STOMP plugin ({@link StompBroker}): a broker already answering on
 * 127.0.0.1:61613 if there is one, else a private node the class starts from Debian's
 * {@code rabbitmq-server} and stops at the end; skipped, saying how to install it, when that is not
 * installed ({@code .ci/run} installs it, so the build that is checked runs these).
 */
@Tag("rabbitmq")
@ExtendWith(StompBroker.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTests {

    static final Duration LEASE = Duration.ofSeconds(4);
    static final Duration RENEW = Duration.ofSeconds(1);
    static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(3);

    private StompBroker broker;
    private HubCluster cluster;
    private MongoClient store;
    private HubApi a;
    private HubApi b;
    private DemoTokens tokensA;
    private DemoTokens tokensB;

    @BeforeAll
    void start() throws Exception {
        broker = StompBroker.forTests();
        cluster = HubCluster.withStore("scale-out", broker.port(), List.of(
                "--hub.cluster.lease-duration=" + LEASE.toSeconds() + "s",
                "--hub.cluster.renew-every=" + RENEW.toSeconds() + "s",
                "--hub.mace.acknowledge-within=" + ACKNOWLEDGE_WITHIN.toSeconds() + "s",
                "--hub.mace.escalation-cron=* * * * * *",
                "--hub.limits.enabled=false"));
        // one after the other: the first generates the shared keystore the second then opens
        cluster.start(true, "hub-a");
        cluster.start(true, "hub-b");
        store = MongoClients.create(cluster.mongoUri());
        a = new HubApi(cluster.instance("hub-a").baseUrl());
        b = new HubApi(cluster.instance("hub-b").baseUrl());
        tokensA = new DemoTokens(cluster.instance("hub-a").baseUrl());
        tokensB = new DemoTokens(cluster.instance("hub-b").baseUrl());
    }

    @AfterAll
    void stop() {
        try {
            if (store != null) {
                store.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            // last, once the hubs relaying through it are gone, whatever failed before
            if (broker != null) {
                broker.close();
            }
        }
    }

    private String urlA() {
        return cluster.instance("hub-a").baseUrl();
    }

    private String urlB() {
        return cluster.instance("hub-b").baseUrl();
    }

    private String openCase(HubApi on, String token, String... members) {
        CaseRequests request = CaseRequests.aCase();
        for (String m : members) {
            request.member(m);
        }
        HubApi.Reply reply = on.post(token, "/api/cases", request.json());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static boolean about(JsonNode message, String itemId) {
        return itemId.equals(message.path("item").path("id").asString());
    }

    @Test
    @Order(1)
    void tokensFromEitherInstanceWorkOnTheOther() {
        HubApi.Reply onB = b.get(tokensA.user("police.north"), "/api/labels");
        HubApi.Reply onA = a.get(tokensB.client("police-rms"), "/api/labels");
        assertThat(onB.status()).as(onB.body()).isEqualTo(200);
        assertThat(onA.status()).as(onA.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anItemSharedOnOneInstanceReachesViewersOnTheOtherEachWithTheirOwnProjection() throws Exception {
        // the tokens come from instance A's authorization server and are used on both
        String police = tokensA.user("police.north");
        String csc = tokensA.user("csc.north");
        String caseId = openCase(a, police, "essex-csc");
        String feed = "/user/queue/cases/" + caseId;
        try (LiveClient policeOnA = LiveClient.connect(urlA(), police);
                LiveClient policeOnB = LiveClient.connect(urlB(), police);
                LiveClient cscOnA = LiveClient.connect(urlA(), csc);
                LiveClient cscOnB = LiveClient.connect(urlB(), csc)) {
            for (LiveClient client : List.of(policeOnA, policeOnB, cscOnA, cscOnB)) {
                assertThat(client.subscribe(feed)).as("subscription receipted by the broker").isTrue();
            }
            for (HubApi postOn : List.of(a, b)) {
                String secret = "Flat " + UUID.randomUUID();
                HubApi.Reply shared = postOn.post(police, "/api/cases/" + caseId + "/intel",
                        IntelRequests.anItem().text("Seen at [[police-only:" + secret + "]] today").json());
                assertThat(shared.status()).as(shared.body()).isEqualTo(201);
                String itemId = shared.json().get("id").asString();

                JsonNode toPoliceA = policeOnA.next(m -> about(m, itemId), Duration.ofSeconds(10));
                JsonNode toPoliceB = policeOnB.next(m -> about(m, itemId), Duration.ofSeconds(10));
                JsonNode toCscA = cscOnA.next(m -> about(m, itemId), Duration.ofSeconds(10));
                JsonNode toCscB = cscOnB.next(m -> about(m, itemId), Duration.ofSeconds(10));
                String from = postOn == a ? "posted on A" : "posted on B";
                assertThat(toPoliceA).as(from + ", police on A").isNotNull();
                assertThat(toPoliceB).as(from + ", police on B").isNotNull();
                assertThat(toCscA).as(from + ", csc on A").isNotNull();
                assertThat(toCscB).as(from + ", csc on B").isNotNull();
                assertThat(toPoliceA.get("item").get("text").asString()).contains(secret);
                assertThat(toPoliceB.get("item").get("text").asString()).contains(secret);
                assertThat(toCscA.toString()).as(from).doesNotContain(secret).contains("Police only");
                assertThat(toCscB.toString()).as(from).doesNotContain(secret).contains("Police only");
                assertThat(toCscB).isEqualTo(toCscA);
                // each session exactly once, whichever instance the item was posted on
                for (LiveClient client : List.of(policeOnA, policeOnB, cscOnA, cscOnB)) {
                    assertThat(client.drain(Duration.ofMillis(300)).stream().filter(m -> about(m, itemId)))
                            .as(from + ": no second copy").isEmpty();
                }
            }
        }
    }

    @Test
    @Order(3)
    void aViewerWhoMayNotSeeTheCaseOnTheOtherInstanceReceivesNothing() throws Exception {
        String police = tokensA.user("police.north");
        String caseId = openCase(a, police, "essex-csc");
        String feed = "/user/queue/cases/" + caseId;
        try (LiveClient policeOnB = LiveClient.connect(urlB(), police);
                LiveClient outsiderOnB = LiveClient.connect(urlB(), tokensB.user("council.north"))) {
            assertThat(policeOnB.subscribe(feed)).isTrue();
            assertThat(outsiderOnB.subscribe(feed)).as("not a member: refused").isFalse();
            HubApi.Reply shared = a.post(police, "/api/cases/" + caseId + "/intel",
                    IntelRequests.anItem().label("police-source-protected").text("CHIS report " + UUID.randomUUID()).json());
            String itemId = shared.json().get("id").asString();
            assertThat(policeOnB.next(m -> about(m, itemId), Duration.ofSeconds(10))).isNotNull();
        }
        // nor can anyone listen on the broker's own destinations through the hub
        for (String raw : List.of("/exchange/amq.direct/hub-a.cases." + caseId + "-user1", "/topic/anything",
                "/queue/cases/" + caseId)) {
            try (LiveClient prober = LiveClient.connect(urlB(), tokensB.user("police.north"))) {
                assertThat(prober.subscribe(raw)).as(raw).isFalse();
            }
        }
    }

    @Test
    @Order(4)
    void whenBothInstancesEvaluateTheSameCaseThenOneAlertReachesCoordinatorsOnBoth() throws Exception {
        String police = tokensA.user("police.north");
        String caseId = openCase(a, police, "essex-csc");
        try (LiveClient coordinatorOnA = LiveClient.connect(urlA(), tokensA.user("coordinator.north"));
                LiveClient coordinatorOnB = LiveClient.connect(urlB(), tokensB.user("coordinator.north"))) {
            assertThat(coordinatorOnA.subscribe("/user/queue/alerts")).isTrue();
            assertThat(coordinatorOnB.subscribe("/user/queue/alerts")).isTrue();
            report(a, police, caseId, "2026-03-10T12:00:00Z");
            report(b, police, caseId, "2026-03-20T09:00:00Z");
            // the third and a fourth episode at the same moment, one on each instance: both evaluate
            // the case meeting the criteria and both try to raise its alert
            ExecutorService both = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HubApi.Reply>> replies = new ArrayList<>();
                replies.add(both.submit(() -> { go.await(); return episode(a, police, caseId, "2026-04-01T10:00:00Z"); }));
                replies.add(both.submit(() -> { go.await(); return episode(b, police, caseId, "2026-04-02T10:00:00Z"); }));
                go.countDown();
                for (Future<HubApi.Reply> reply : replies) {
                    assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(201);
                }
                // and a full re-evaluation on both at once finds nothing more to raise
                String chair = tokensA.user("chair.north");
                List<Callable<HubApi.Reply>> reEvaluations = List.of(
                        () -> a.post(chair, "/api/alerts/re-evaluate", ""), () -> b.post(chair, "/api/alerts/re-evaluate", ""));
                for (Future<HubApi.Reply> reply : both.invokeAll(reEvaluations)) {
                    assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(200);
                }
            } finally {
                both.shutdown();
            }

            HubApi.Reply listed = b.get(tokensB.user("coordinator.north"), "/api/alerts?limit=500");
            List<JsonNode> forCase = new ArrayList<>();
            listed.json().forEach(alert -> {
                if (caseId.equals(alert.get("caseId").asString())) {
                    forCase.add(alert);
                }
            });
            assertThat(forCase).as("one alert, not two").hasSize(1);
            String alertId = forCase.get(0).get("id").asString();
            assertThat(store.getDatabase("macehub").getCollection("alerts").countDocuments(new Document("caseId", caseId)))
                    .isEqualTo(1);
            assertThat(store.getDatabase("macehub").getCollection("audit_entries").countDocuments(
                    new Document("action", "alert.raised").append("targets", caseId))).as("raised once in the audit").isEqualTo(1);

            for (LiveClient coordinator : List.of(coordinatorOnA, coordinatorOnB)) {
                JsonNode raised = coordinator.next(m -> alertId.equals(m.path("id").asString())
                        && !m.path("escalated").asBoolean(), Duration.ofSeconds(10));
                assertThat(raised).as("the coordinator receives the alert whichever instance raised it").isNotNull();
                assertThat(coordinator.drain(Duration.ofMillis(500)).stream()
                        .filter(m -> alertId.equals(m.path("id").asString()) && !m.path("escalated").asBoolean()))
                        .as("raised once, delivered once").isEmpty();
            }
        }
    }

    @Test
    @Order(5)
    void whenTheLeaseHolderIsKilledThenTheOtherTakesOverAndScheduledWorkResumesWithinTheBound() throws Exception {
        MongoCollection<Document> leases = store.getDatabase("macehub").getCollection("leases");
        String holder = awaitHolder(leases, null, Duration.ofSeconds(15));
        assertThat(holder).isIn("hub-a", "hub-b");
        String survivor = holder.equals("hub-a") ? "hub-b" : "hub-a";
        HubApi survivorApi = survivor.equals("hub-a") ? a : b;
        DemoTokens survivorTokens = survivor.equals("hub-a") ? tokensA : tokensB;
        String police = survivorTokens.user("police.north");
        String coordinator = survivorTokens.user("coordinator.north");

        long killedAt = System.nanoTime();
        cluster.kill(holder);

        // an alert raised on the survivor now is due for escalation ACKNOWLEDGE_WITHIN later; only a
        // lease holder escalates, so it escalates only once the survivor has taken the lease
        String caseId = openCase(survivorApi, police, "essex-csc");
        for (String start : List.of("2026-03-10T12:00:00Z", "2026-03-20T09:00:00Z", "2026-04-07T10:59:00Z")) {
            report(survivorApi, police, caseId, start);
        }
        String taken = awaitHolder(leases, survivor, LEASE.plus(RENEW).plusSeconds(10));
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        assertThat(taken).isEqualTo(survivor);

        String alertId = caseId + ":MISSING_EPISODES:1";
        JsonNode escalated = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HubApi.Reply alert = survivorApi.get(coordinator, "/api/alerts/" + alertId);
            if (alert.status() == 200 && alert.json().get("escalated").asBoolean()) {
                escalated = alert.json();
                break;
            }
            Thread.sleep(200);
        }
        double resumed = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("scale-out: holder %s killed; %s took the lease after %.1f s (bound %d s + %d s); "
                + "escalation resumed there %.1f s after the kill%n", holder, survivor, takeover, LEASE.toSeconds(),
                RENEW.toSeconds(), resumed);
        assertThat(escalated).as("the survivor escalates once it holds the lease").isNotNull();
        // lease duration + one renewal interval, plus start-up of the first try and the machine's slack
        assertThat(takeover).as("takeover within the bound").isLessThan(LEASE.plus(RENEW).toSeconds() + 3.0);
        assertThat(Instant.parse(escalated.get("escalatedAt").asString()))
                .isAfter(Instant.parse(escalated.get("raisedAt").asString()).plus(ACKNOWLEDGE_WITHIN));
    }

    private static String awaitHolder(MongoCollection<Document> leases, String expected, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String holder = null;
        while (System.nanoTime() < deadline) {
            Document lease = leases.find(new Document("_id", "scheduled-work")).first();
            holder = lease == null ? null : lease.getString("holder");
            boolean live = lease != null && lease.getDate("expiresAt").toInstant().isAfter(Instant.now());
            if (holder != null && live && (expected == null || expected.equals(holder))) {
                return holder;
            }
            Thread.sleep(100);
        }
        return holder;
    }

    private static void report(HubApi on, String token, String caseId, String start) {
        HubApi.Reply reply = episode(on, token, caseId, start);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static HubApi.Reply episode(HubApi on, String token, String caseId, String start) {
        return on.post(token, "/api/cases/" + caseId + "/missing-episodes",
                anEpisode().startedAt(Instant.parse(start)).json());
    }
}
