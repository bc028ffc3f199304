package uk.gov.essex.mace.client.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.internal.Json;
import uk.gov.essex.mace.client.live.LiveListener;

/**
 * The case feed's catch-up against a scripted timeline (newest first, with an opaque cursor: the
 * last item's id, as the hub is moving to): what is missed after an anchor, across pages, and where
 * the anchor moves.
 */
class CaseFeedResumeTests {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private HttpServer server;
    private final List<IntelItem> timeline = new ArrayList<>(); // oldest first
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private IntelClient intel;

    @BeforeEach
    void start() throws IOException {
        for (int i = 1; i <= 120; i++) {
            timeline.add(item("i" + i, i, 1, "ACTIVE"));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/cases/c1/intel", this::page);
        server.start();
        intel = HubClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .tokenSupplier(() -> "tok").build().intel();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void missedSinceWhenAnchorSeveralPagesBackThenEverythingAfterItOldestFirst() {
        CaseFeedResume resume = new CaseFeedResume(intel, "c1", CaseFeedResume.Anchor.of(timeline.get(9)));
        List<CaseFeedEvent> missed = resume.missedSince(null);
        assertThat(missed).extracting(e -> e.item().id()).containsExactlyElementsOf(
                timeline.subList(10, 120).stream().map(IntelItem::id).toList());
        assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q).contains("limit=50"));
        assertThat(queries).as("a forward walk from the anchor").containsExactly("after=i10&limit=50", "after=i60&limit=50",
                "after=i110&limit=50");
        assertThat(resume.anchor().itemId()).isEqualTo("i120");
        assertThat(resume.missedSince(null)).as("caught up: nothing more").isEmpty();
    }

    @Test
    void missedSinceWhenAnchorGoneThenStopsAtFirstItemSharedBeforeIt() {
        IntelItem vanished = item("gone", 100.5, 1, "ACTIVE");
        CaseFeedResume resume = new CaseFeedResume(intel, "c1", CaseFeedResume.Anchor.of(vanished));
        assertThat(resume.missedSince(null)).extracting(e -> e.item().id())
                .containsExactlyElementsOf(timeline.subList(100, 120).stream().map(IntelItem::id).toList());
    }

    @Test
    void missedSinceWhenNoAnchorThenTheWholeTimeline() {
        assertThat(new CaseFeedResume(intel, "c1", null).missedSince(null)).hasSize(120);
    }

    @Test
    void trackingWhenSharedThenAnchorMovesButNotForEditsOfOlderItems() {
        CaseFeedResume resume = new CaseFeedResume(intel, "c1", CaseFeedResume.Anchor.of(timeline.get(119)));
        List<CaseFeedEvent> got = new ArrayList<>();
        LiveListener<CaseFeedEvent> tracking = resume.tracking(got::add);
        IntelItem fresh = item("i121", 121, 1, "ACTIVE");
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.SHARED, fresh));
        assertThat(resume.anchor().itemId()).isEqualTo("i121");
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.EDITED, item("i3", 3, 2, "ACTIVE")));
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.WITHDRAWN, item("i4", 4, 1, "WITHDRAWN")));
        assertThat(resume.anchor().itemId()).isEqualTo("i121");
        assertThat(got).hasSize(3);
    }

    @Test
    void trackingWhenAnOlderStateOfAnItemArrivesAfterANewerOneThenItIsDropped() {
        CaseFeedResume resume = new CaseFeedResume(intel, "c1", CaseFeedResume.Anchor.of(timeline.get(119)));
        List<String> got = new ArrayList<>();
        LiveListener<CaseFeedEvent> tracking = resume.tracking(e -> got.add(e.change() + " " + e.item().revision() + " " + e.item().status()));
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.SHARED, item("i121", 121, 1, "ACTIVE")));
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.WITHDRAWN, item("i121", 121, 2, "WITHDRAWN")));
        // the edit that came before the withdrawal, arriving late (two changes made at one moment)
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.EDITED, item("i121", 121, 2, "ACTIVE")));
        tracking.onItem(new CaseFeedEvent(CaseFeedEvent.Change.SHARED, item("i122", 122, 1, "ACTIVE")));
        assertThat(got).containsExactly("SHARED 1 ACTIVE", "WITHDRAWN 2 WITHDRAWN", "SHARED 1 ACTIVE");
        assertThat(resume.anchor().itemId()).isEqualTo("i122");
    }

    @Test
    void caughtUpWhenCurrentStateThenChangeItImpliesAndWithdrawalIsItsOwnState() {
        assertThat(CaseFeedEvent.caughtUp(item("a", 1, 1, "ACTIVE")).change()).isEqualTo(CaseFeedEvent.Change.SHARED);
        assertThat(CaseFeedEvent.caughtUp(item("a", 1, 3, "ACTIVE")).change()).isEqualTo(CaseFeedEvent.Change.EDITED);
        CaseFeedEvent withdrawn = CaseFeedEvent.caughtUp(item("a", 1, 3, "WITHDRAWN"));
        assertThat(withdrawn.change()).isEqualTo(CaseFeedEvent.Change.WITHDRAWN);
        assertThat(withdrawn.stateKey()).isNotEqualTo(CaseFeedEvent.caughtUp(item("a", 1, 3, "ACTIVE")).stateKey());
    }

    @Test
    void eventWhenReadFromHubJsonThenChangeAndItemAndUnknownFieldsIgnored() {
        CaseFeedEvent event = Json.MAPPER.readValue("{\"change\":\"EDITED\",\"item\":{\"id\":\"x\",\"caseId\":\"c1\",\"seq\":7,"
                + "\"revision\":2,\"status\":\"ACTIVE\",\"withheld\":{\"label\":\"police-only\",\"owningAgency\":\"essex-police\"}}}",
                CaseFeedEvent.class);
        assertThat(event.change()).isEqualTo(CaseFeedEvent.Change.EDITED);
        assertThat(event.item().isWithheld()).isTrue();
        assertThat(event.stateKey()).isEqualTo("x#2#live");
        assertThat(Json.MAPPER.readValue("{\"items\":[],\"nextBefore\":42}", IntelPage.class).nextBefore())
                .as("today's numeric cursor still reads").isEqualTo("42");
    }

    private void page(HttpExchange exchange) throws IOException {
        queries.add(exchange.getRequestURI().getRawQuery());
        Map<String, String> q = new HashMap<>();
        for (String kv : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            q.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        int limit = Integer.parseInt(q.get("limit"));
        List<String> ids = timeline.stream().map(IntelItem::id).toList();
        if (q.containsKey("after")) {
            // as the hub: oldest first after the given item; an unknown item is a 400 problem
            int from = ids.indexOf(q.get("after"));
            if (from < 0) {
                byte[] problem = "{\"type\":\"urn:mace-hub:problem:invalid-cursor\",\"status\":400,\"title\":\"Invalid request\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(400, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            List<IntelItem> newer = timeline.subList(from + 1, Math.min(timeline.size(), from + 1 + limit));
            String nextAfter = from + 1 + limit < timeline.size() ? newer.get(newer.size() - 1).id() : null;
            respond(exchange, newer, "nextAfter", nextAfter);
            return;
        }
        int end = timeline.size();
        if (q.containsKey("before")) {
            end = timeline.stream().map(IntelItem::id).toList().indexOf(q.get("before"));
        }
        List<IntelItem> items = new ArrayList<>();
        for (int i = end - 1; i >= 0 && items.size() < limit; i--) {
            items.add(timeline.get(i));
        }
        String next = items.size() == limit && end - limit > 0 ? items.get(items.size() - 1).id() : null;
        respond(exchange, items, "nextBefore", next);
    }

    private void respond(HttpExchange exchange, List<IntelItem> items, String cursorName, String next) throws IOException {
        // the hub's JSON, not the SDK record's own serialised form (whose isWithheld() would show as "withheld")
        List<Map<String, Object>> json = items.stream().map(i -> Map.<String, Object>of("id", i.id(), "caseId", "c1",
                "revision", i.revision(), "status", i.status(), "sharedAt", i.sharedAt().toString(), "label", i.label(),
                "owningAgency", i.owningAgency(), "text", i.text())).toList();
        Map<String, Object> page = new HashMap<>(Map.of("items", json));
        page.put(cursorName, next);
        byte[] body = Json.MAPPER.writeValueAsBytes(page);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static IntelItem item(String id, double minute, int revision, String status) {
        return new IntelItem(id, "c1", revision, status, T0.plusMillis((long) (minute * 60_000)), null, "all-members", null,
                "essex-police", null, null, null, null, null, null, null, "text " + id, null, null, null, null, null, null);
    }
}
