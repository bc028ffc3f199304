package uk.gov.essex.mace.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.disruption.DisruptionErasure;
import uk.gov.essex.mace.retention.RetentionProperties.CaseSchedule;
import uk.gov.essex.mace.retention.RetentionProperties.DisruptionSchedule;
import uk.gov.essex.mace.retention.RetentionProperties.Follows;

/**
 * The retention configuration is checked at start-up: one schedule each for cases that did and did
 * not go to MACE, positive periods, and exactly the record types the features can erase.
 */
class RetentionConfigurationTests {

    private static final List<CaseSchedule> SCHEDULES = List.of(
            new CaseSchedule("seven", "7 years", false, Period.ofYears(7)),
            new CaseSchedule("twenty-five", "25 years", true, Period.ofYears(25)));
    private static final Map<String, Follows> KINDS = Map.of("case", Follows.CASE, "intel-items", Follows.CASE,
            "risk-records", Follows.CASE, "alerts", Follows.CASE, "meeting-entries", Follows.CASE, "legal-holds", Follows.CASE,
            "read-markers", Follows.CASE, "disruption-links", Follows.CASE, "live-subscriptions", Follows.CASE,
            "disruption-updates", Follows.OWN_SCHEDULE);
    private static final DisruptionSchedule MONTHS = new DisruptionSchedule("months", "7 years", Period.ofYears(7));

    @Test
    void recordTypesWhenTheyMatchTheErasureHooksThenStepsInOrder() {
        ErasureSteps steps = steps(new RetentionProperties("-", SCHEDULES, MONTHS, KINDS, null));

        assertThat(steps.caseStep().recordType()).isEqualTo("case");
        assertThat(steps.afterKey()).extracting(ErasureSteps.Step::recordType)
                .containsExactly("intel-items", "risk-records", "alerts", "meeting-entries", "legal-holds", "read-markers",
                        "disruption-links", "live-subscriptions");
    }

    @Test
    void recordTypesWhenOneIsMissingOrUnknownThenStartUpFails() {
        Map<String, Follows> missing = new java.util.HashMap<>(KINDS);
        missing.remove("alerts");
        Map<String, Follows> unknown = new java.util.HashMap<>(KINDS);
        unknown.put("chat-messages", Follows.CASE);

        assertThatThrownBy(() -> steps(new RetentionProperties("-", SCHEDULES, MONTHS, missing, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("alerts");
        assertThatThrownBy(() -> steps(new RetentionProperties("-", SCHEDULES, MONTHS, unknown, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chat-messages");
    }

    @Test
    void schedulesWhenNotOneEachOrNotPositiveThenStartUpFails() {
        assertThatThrownBy(() -> new RetentionProperties("-", List.of(SCHEDULES.get(0)), MONTHS, KINDS, null))
                .hasMessageContaining("went-to-mace: true");
        assertThatThrownBy(() -> new RetentionProperties("-", List.of(SCHEDULES.get(0), SCHEDULES.get(0),
                SCHEDULES.get(1)), MONTHS, KINDS, null)).hasMessageContaining("went-to-mace: false");
        assertThatThrownBy(() -> new RetentionProperties("-", List.of(SCHEDULES.get(0),
                new CaseSchedule("none", "none", true, Period.ZERO)), MONTHS, KINDS, null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetentionProperties("-", SCHEDULES,
                new DisruptionSchedule("none", "none", Period.ZERO), KINDS, null)).hasMessageContaining("positive");
    }

    @Test
    void recordTypesWhenDisruptionUpdatesFollowTheCaseOrAreMissingThenStartUpFails() {
        Map<String, Follows> followingCase = new java.util.HashMap<>(KINDS);
        followingCase.put("disruption-updates", Follows.CASE);
        Map<String, Follows> missing = new java.util.HashMap<>(KINDS);
        missing.remove("disruption-updates");

        assertThat(steps(new RetentionProperties("-", SCHEDULES, MONTHS, KINDS, null)).monthStep().recordType())
                .isEqualTo("disruption-updates");
        assertThatThrownBy(() -> steps(new RetentionProperties("-", SCHEDULES, MONTHS, followingCase, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("disruption-updates=OWN_SCHEDULE");
        assertThatThrownBy(() -> steps(new RetentionProperties("-", SCHEDULES, MONTHS, missing, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("disruption-updates");
    }

    private static ErasureSteps steps(RetentionProperties properties) {
        return new ErasureSteps(caseId -> 0, caseId -> 0, caseId -> 0, caseId -> 0, caseId -> 0, mock(LegalHolds.class),
                caseId -> 0, mock(DisruptionErasure.class), caseId -> 0,
                properties);
    }
}
