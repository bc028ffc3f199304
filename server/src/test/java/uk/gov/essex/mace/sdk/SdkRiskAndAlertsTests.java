package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.alerts.Alert;
import uk.gov.essex.mace.client.alerts.AlertReason;
import uk.gov.essex.mace.client.alerts.AlertStatus;
import uk.gov.essex.mace.client.alerts.MaceStanding;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.cases.ExploitationType;
import uk.gov.essex.mace.client.risk.CorrectMissingEpisodeRequest;
import uk.gov.essex.mace.client.risk.ExploitationIndicator;
import uk.gov.essex.mace.client.risk.Indicator;
import uk.gov.essex.mace.client.risk.MissingEpisode;
import uk.gov.essex.mace.client.risk.MissingEpisodeHistory;
import uk.gov.essex.mace.client.risk.RecordAssessmentRequest;
import uk.gov.essex.mace.client.risk.RecordIndicatorRequest;
import uk.gov.essex.mace.client.risk.RecordReturnRequest;
import uk.gov.essex.mace.client.risk.ReportMissingEpisodeRequest;
import uk.gov.essex.mace.client.risk.RiskAssessment;
import uk.gov.essex.mace.client.risk.RiskAssessmentHistory;
import uk.gov.essex.mace.client.risk.RiskLevel;

/** Missing episodes, risk assessments, indicators and alerts over REST, through the SDK. */
class SdkRiskAndAlertsTests extends SdkIntegrationTest {

    static void threeMissingEpisodes(HubClient police, String caseId) {
        Instant now = Instant.now();
        for (int daysAgo : new int[] {20, 10, 2}) {
            police.missingEpisodes().report(caseId, ReportMissingEpisodeRequest.missingSince(now.minus(Duration.ofDays(daysAgo))));
        }
    }

    @Test
    void missingEpisodeWhenReportedReturnedCorrectedDeletedThenVersionsKept() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        Instant started = Instant.now().minus(Duration.ofHours(30));
        MissingEpisode reported = police.missingEpisodes().report(c.id(), ReportMissingEpisodeRequest.missingSince(started));
        assertThat(reported.version()).isEqualTo(1);
        assertThat(reported.returnedAt()).isNull();
        MissingEpisode returned = police.missingEpisodes().recordReturn(c.id(), reported.id(),
                new RecordReturnRequest(started.plus(Duration.ofHours(20)), "a flat in Clacton", true));
        assertThat(returned.version()).isEqualTo(2);
        assertThat(returned.whereFound()).isEqualTo("a flat in Clacton");
        MissingEpisode corrected = police.missingEpisodes().correct(c.id(), reported.id(), new CorrectMissingEpisodeRequest(
                2, started.minus(Duration.ofHours(1)), returned.returnedAt(), "a flat in Clacton", true, "start time misread"));
        assertThat(corrected.version()).isEqualTo(3);
        MissingEpisode deleted = police.missingEpisodes().delete(c.id(), reported.id(), 3, "recorded on the wrong child");
        assertThat(deleted.deleted()).isTrue();
        assertThat(police.missingEpisodes().list(c.id(), false)).isEmpty();
        assertThat(police.missingEpisodes().list(c.id(), true)).extracting(MissingEpisode::id).containsExactly(reported.id());
        MissingEpisodeHistory history = police.missingEpisodes().history(c.id(), reported.id());
        assertThat(history.versions()).extracting(MissingEpisode::version).containsExactly(1, 2, 3, 4);
    }

    @Test
    void missingEpisodeWhenCouncilReportsThenForbidden() {
        CaseResponse c = openCase("colchester-council");
        assertThatThrownBy(() -> partner(COUNCIL).missingEpisodes().report(c.id(),
                ReportMissingEpisodeRequest.missingSince(Instant.now().minus(Duration.ofHours(2)))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void riskAssessmentWhenRecordedThenCurrentAndInHistory() {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        RiskAssessment recorded = police.riskAssessments().record(c.id(), new RecordAssessmentRequest(RiskLevel.MEDIUM,
                ExploitationType.CCE, false, LocalDate.now(), LocalDate.now().plusMonths(3)));
        assertThat(recorded.current()).isTrue();
        RiskAssessmentHistory read = police.riskAssessments().read(c.id());
        assertThat(read.current().id()).isEqualTo(recorded.id());
        assertThat(read.history()).hasSize(1);
    }

    @Test
    void indicatorWhenRecordedThenListed() {
        HubClient council = partner(COUNCIL);
        CaseResponse c = openCase("colchester-council");
        Indicator recorded = council.indicators().record(c.id(), new RecordIndicatorRequest(
                ExploitationIndicator.HOTEL_OR_UNKNOWN_KEYS, LocalDate.now().minusDays(1), "hotel check, room booked by adult"));
        assertThat(recorded.recordedByAgency()).isEqualTo("colchester-council");
        assertThat(council.indicators().list(c.id())).extracting(Indicator::id).contains(recorded.id());
    }

    @Test
    void indicatorWhenUnderPoliceLabelThenOtherPartnersGetPlaceholderAndRestrictedSegmentsRedacted() {
        HubClient police = partner(POLICE);
        HubClient council = partner(COUNCIL);
        CaseResponse c = openCase("colchester-council");
        Indicator restricted = police.indicators().record(c.id(), new RecordIndicatorRequest(
                ExploitationIndicator.GANG_ASSOCIATION, LocalDate.now().minusDays(1), "informant: seen with line holder",
                "police-only"));
        Indicator segmented = police.indicators().record(c.id(), new RecordIndicatorRequest(
                ExploitationIndicator.MULTIPLE_PHONES_OR_SIMS, LocalDate.now().minusDays(1),
                "two handsets [[police-only:seized on arrest]] at home"));

        assertThat(restricted.label()).isEqualTo("police-only");
        assertThat(restricted.sourceNote()).isEqualTo("informant: seen with line holder");
        assertThat(segmented.label()).isEqualTo("all-members");
        List<Indicator> seen = council.indicators().list(c.id());
        Indicator placeholder = seen.stream().filter(i -> i.id().equals(restricted.id())).findFirst().orElseThrow();
        assertThat(placeholder.isWithheld()).isTrue();
        assertThat(placeholder.withheld().owningAgency()).isEqualTo("essex-police");
        assertThat(placeholder.indicator()).isNull();
        assertThat(placeholder.sourceNote()).isNull();
        Indicator redacted = seen.stream().filter(i -> i.id().equals(segmented.id())).findFirst().orElseThrow();
        assertThat(redacted.isWithheld()).isFalse();
        assertThat(redacted.sourceNote()).doesNotContain("seized on arrest").startsWith("two handsets [withheld: Police only");
        assertThat(redacted.sourceNoteParts()).anyMatch(p -> p.isWithheld() && p.withheld().label().equals("police-only"));
        assertThat(police.indicators().list(c.id())).filteredOn(i -> i.id().equals(segmented.id()))
                .extracting(Indicator::sourceNote).containsExactly("two handsets seized on arrest at home");
    }

    @Test
    void standingWhenChildEntersTheCriteriaThenHistoryReadable() throws Exception {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        threeMissingEpisodes(police, c.id());
        awaitAlert(police, c.id());

        MaceStanding standing = police.alerts().standing(c.id());

        assertThat(standing.inCriteria()).isTrue();
        assertThat(standing.reasons()).containsExactly(AlertReason.MISSING_EPISODES);
        assertThat(standing.history()).hasSize(1);
        assertThat(standing.history().get(0).entered()).containsExactly(AlertReason.MISSING_EPISODES);
        assertThat(standing.history().get(0).cause()).isEqualTo("missing-episode.reported");
        assertThatThrownBy(() -> partner(COUNCIL).alerts().standing(c.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void alertWhenThreeMissingEpisodesInFourWeeksThenRaisedReadableAndAcknowledgedByCoordinator() throws Exception {
        HubClient police = partner(POLICE);
        CaseResponse c = openCase();
        threeMissingEpisodes(police, c.id());
        Alert raised = awaitAlert(police, c.id());
        assertThat(raised.reason()).isEqualTo(AlertReason.MISSING_EPISODES);
        assertThat(raised.maceCriterion()).isTrue();
        assertThat(police.alerts().get(raised.id()).caseId()).isEqualTo(c.id());
        assertThatThrownBy(() -> police.alerts().acknowledge(raised.id())).isInstanceOf(ForbiddenException.class);
        Alert acknowledged = person("coordinator.north").alerts().acknowledge(raised.id());
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isNotBlank();

        assertThatThrownBy(() -> police.alerts().close(raised.id())).isInstanceOf(ForbiddenException.class);
        Alert closed = person("coordinator.north").alerts().close(raised.id());
        assertThat(closed.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(police.alerts().list()).extracting(Alert::id).doesNotContain(raised.id());
        assertThat(police.alerts().list(AlertStatus.CLOSED, 100)).extracting(Alert::id).contains(raised.id());
    }

    static Alert awaitAlert(HubClient client, String caseId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<Alert> found = client.alerts().list().stream().filter(a -> a.caseId().equals(caseId)).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no alert for case " + caseId);
    }
}
