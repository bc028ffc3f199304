package uk.gov.essex.mace.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.essex.mace.alerts.MaceScenario.THREE_IN_28_DAYS;
import static uk.gov.essex.mace.risk.RiskRequests.anAssessment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.gov.essex.mace.alerts.MaceScenario;
import uk.gov.essex.mace.support.HubApi;
import uk.gov.essex.mace.support.HubIntegrationTest;

/**
 * The automatic agenda across two meetings of the Mid quadrant (no other test uses Mid): new,
 * continuing, step-down review, and the coordinator's additions and removals, which the automatic
 * build leaves alone.
 */
class AgendaTests extends HubIntegrationTest {

    private Map<String, JsonNode> agenda(JsonNode meeting) {
        Map<String, JsonNode> items = new HashMap<>();
        meeting.get("agenda").forEach(i -> items.put(i.get("caseId").asString(), i));
        return items;
    }

    private JsonNode create(LocalDate day) {
        HubApi.Reply reply = api.post(token("coordinator.mid"), "/api/meetings",
                "{\"quadrant\":\"MID\",\"date\":\"" + day + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void whenSecondMeetingThenNewContinuingAndStepDownSections() {
        MaceScenario mace = new MaceScenario(api, tokens);
        String continuing = mace.openCase("police.mid", "Braintree", "essex-csc");
        String leaving = mace.openCase("police.mid", "Chelmsford", "essex-csc");
        String entering = mace.openCase("police.mid", "Maldon", "essex-csc");
        String byHand = mace.openCase("police.mid", "Maldon");
        THREE_IN_28_DAYS.forEach(start -> mace.reported("police.mid", continuing, start));
        mace.assess("police.mid", leaving, anAssessment().level("HIGH").knownToBeExploited(true));

        Map<String, JsonNode> first = agenda(create(MaceScenario.uniqueMeetingDay()));
        THREE_IN_28_DAYS.forEach(start -> mace.reported("police.mid", entering, start));
        mace.assess("police.mid", leaving, anAssessment().level("MEDIUM").assessedOn(LocalDate.now()));
        JsonNode second = create(MaceScenario.uniqueMeetingDay());
        String id = second.get("id").asString();
        api.post(token("coordinator.mid"), "/api/meetings/" + id + "/agenda",
                "{\"caseId\":\"" + byHand + "\",\"reason\":\"Police intelligence of a county line\"}");
        api.send(token("coordinator.mid"), "DELETE", "/api/meetings/" + id + "/agenda/" + entering, "application/json",
                "{\"reason\":\"Discussed at the strategy meeting yesterday\"}");
        Map<String, JsonNode> afterRefresh = agenda(api.post(token("coordinator.mid"),
                "/api/meetings/" + id + "/agenda/refresh", "").json());

        assertThat(first.get(continuing).get("section").asString()).isEqualTo("NEW");
        assertThat(first.get(leaving).get("section").asString()).isEqualTo("NEW");
        assertThat(first).doesNotContainKey(entering);
        Map<String, JsonNode> secondAgenda = agenda(second);
        assertThat(secondAgenda.get(continuing).get("section").asString()).isEqualTo("CONTINUING");
        assertThat(secondAgenda.get(entering).get("section").asString()).isEqualTo("NEW");
        assertThat(secondAgenda.get(leaving).get("section").asString()).isEqualTo("STEP_DOWN_REVIEW");
        assertThat(afterRefresh.get(byHand).get("section").asString()).isEqualTo("ADDED");
        assertThat(afterRefresh.get(byHand).get("reason").asString()).isEqualTo("Police intelligence of a county line");
        assertThat(afterRefresh.get(entering).get("removed").asBoolean()).as("refresh keeps the removal").isTrue();
        assertThat(afterRefresh.get(entering).get("removedReason").asString()).contains("strategy meeting");
    }
}
