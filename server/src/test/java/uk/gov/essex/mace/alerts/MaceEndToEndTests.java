package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The whole path, as the partnership would live it: police record a third missing episode in 28
 * days on a North case; the North coordinator, connected over a real STOMP session, is alerted at
 * once, acknowledges, and finds the child on the next Part 1 agenda; the coordinators of the other
 * three quadrants, also connected, hear nothing.
 */
class MaceEndToEndTests extends HubIntegrationTest {

    @Test
    void whenPoliceRecordThirdEpisodeThenNorthCoordinatorAlertedLiveAndChildOnNextAgenda() throws Exception {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS.subList(0, 2));

        try (LiveClient north = LiveClient.connect(baseUrl(), token("coordinator.north"));
                LiveClient south = LiveClient.connect(baseUrl(), token("coordinator.south"));
                LiveClient mid = LiveClient.connect(baseUrl(), token("coordinator.mid"));
                LiveClient west = LiveClient.connect(baseUrl(), token("coordinator.west"))) {
            for (LiveClient coordinator : java.util.List.of(north, south, mid, west)) {
                assertThat(coordinator.subscribe("/user/queue/alerts")).isTrue();
            }

            mace.reported("police.north", caseId, THREE_IN_28_DAYS.get(2));

            JsonNode alert = north.next(m -> caseId.equals(m.get("caseId").asString()), Duration.ofSeconds(2));
            assertThat(alert).as("alert delivered to coordinator.north within 2 s").isNotNull();
            assertThat(alert.get("reason").asString()).isEqualTo("MISSING_EPISODES");
            assertThat(alert.get("status").asString()).isEqualTo("OPEN");
            assertThat(alert.toString()).doesNotContain("Alex Example");
            assertThat(south.drain(Duration.ofSeconds(1))).as("coordinator.south hears nothing").isEmpty();
            assertThat(mid.drain(Duration.ZERO)).as("coordinator.mid hears nothing").isEmpty();
            assertThat(west.drain(Duration.ZERO)).as("coordinator.west hears nothing").isEmpty();

            String alertId = alert.get("id").asString();
            HubApi.Reply acknowledged = api.post(token("coordinator.north"), "/api/alerts/" + alertId + "/acknowledge", "");
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(north.next(m -> alertId.equals(m.get("id").asString())
                    && "ACKNOWLEDGED".equals(m.get("status").asString()), Duration.ofSeconds(2))).isNotNull();

            HubApi.Reply meeting = api.post(token("coordinator.north"), "/api/meetings",
                    "{\"quadrant\":\"NORTH\",\"date\":\"" + MaceScenario.uniqueMeetingDay() + "\"}");
            assertThat(meeting.status()).isEqualTo(201);
            JsonNode item = null;
            for (JsonNode i : meeting.json().get("agenda")) {
                item = caseId.equals(i.get("caseId").asString()) ? i : item;
            }
            assertThat(item).as("child on the agenda").isNotNull();
            assertThat(item.get("section").asString()).isEqualTo("NEW");
            JsonNode onAgenda = api.get(token("coordinator.north"), "/api/alerts/" + alertId).json();
            assertThat(onAgenda.get("status").asString()).isEqualTo("ON_AGENDA");
            assertThat(onAgenda.get("meetingId").asString()).isEqualTo(meeting.json().get("id").asString());
            assertThat(south.drain(Duration.ofMillis(200))).isEmpty();
            assertThat(mid.drain(Duration.ZERO)).isEmpty();
            assertThat(west.drain(Duration.ZERO)).isEmpty();
        }
    }
}
