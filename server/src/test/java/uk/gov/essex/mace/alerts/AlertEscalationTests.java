package uk.gov.essex.mace.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.live.LiveClient;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * An alert nobody acknowledges within 24 hours escalates, once, to the quadrant's chair. The job
 * is run with an injected clock set past the deadline (the hub's own clock stays real).
 */
class AlertEscalationTests extends HubIntegrationTest {

    @Autowired
    Alerts alerts;

    @Autowired
    AlertDelivery delivery;

    @Autowired
    AuditTrail audit;

    @Autowired
    MaceProperties properties;

    @Autowired
    uk.gov.essex.mace.cluster.SingletonWork once;

    private AlertEscalation at(Instant now) {
        return new AlertEscalation(alerts, delivery, audit, properties, Clock.fixed(now, ZoneOffset.UTC), once);
    }

    @Test
    void whenNotAcknowledgedWithin24HoursThenEscalatesOnceToChair() throws Exception {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alertId = caseId + ":MISSING_EPISODES:1";
        Instant raised = alerts.find(alertId).orElseThrow().raisedAt();

        try (LiveClient chair = LiveClient.connect(baseUrl(), token("chair.north"))) {
            assertThat(chair.subscribe("/user/queue/alerts")).isTrue();

            assertThat(at(raised.plus(Duration.ofHours(23).plusMinutes(59))).escalateOverdue()).doesNotContain(alertId);
            assertThat(at(raised.plus(Duration.ofHours(24).plusMinutes(1))).escalateOverdue()).contains(alertId);
            assertThat(at(raised.plus(Duration.ofHours(25))).escalateOverdue()).doesNotContain(alertId);

            JsonNode escalated = chair.next(m -> alertId.equals(m.get("id").asString())
                    && m.get("escalated").asBoolean(), Duration.ofSeconds(2));
            assertThat(escalated).isNotNull();
        }
        assertThat(mace.onlyAlert("chair.north", caseId).get("escalated").asBoolean()).isTrue();
    }

    @Test
    void whenAcknowledgedInTimeThenNeverEscalates() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String caseId = mace.northCase();
        mace.episodes(caseId, THREE_IN_28_DAYS);
        String alertId = caseId + ":MISSING_EPISODES:1";
        api.post(token("coordinator.north"), "/api/alerts/" + alertId + "/acknowledge", "");

        assertThat(at(Instant.now().plus(Duration.ofDays(3))).escalateOverdue()).doesNotContain(alertId);
        assertThat(mace.onlyAlert("chair.north", caseId).get("escalated").asBoolean()).isFalse();
    }
}
