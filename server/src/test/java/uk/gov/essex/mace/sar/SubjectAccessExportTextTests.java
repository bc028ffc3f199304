package uk.gov.essex.mace.sar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.cases.CaseStatus;
import uk.gov.essex.mace.cases.ExploitationType;
import uk.gov.essex.mace.meetings.ActionKind;
import uk.gov.essex.mace.meetings.ActionStatus;
import uk.gov.essex.mace.meetings.ActionType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.risk.ExploitationIndicator;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedAction;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedEpisodeVersion;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedIndicator;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedIntel;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedMeeting;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedMinutes;
import uk.gov.essex.mace.sar.SubjectAccessExport.ExportedSubject;

/** An export, or any part of it that holds words about the child, prints ids and counts only if it is ever logged. */
class SubjectAccessExportTextTests {

    private static final String CANARY = "CANARY-EXPORT-TEXT";

    @Test
    void whenAnExportIsPrintedThenNoWordsAboutTheChildAppear() {
        Instant now = Instant.now();
        ExportedSubject subject = new ExportedSubject(CANARY, LocalDate.of(2012, 4, 1), "Colchester", Quadrant.NORTH,
                ExploitationType.CCE, CaseStatus.OPEN, now, "essex-police", null, null, false);
        ExportedIntel item = new ExportedIntel("item-1", 2, "CURRENT", now, now, now, null, null, "essex-police", CANARY,
                null, now, CANARY);
        ExportedMinutes minutes = new ExportedMinutes(1, true, "all-members", CANARY, "essex-csc", now);
        ExportedAction action = new ExportedAction("action-1", ActionKind.ACTION, ActionType.DISRUPTION_OPPORTUNITY, CANARY,
                "essex-police", LocalDate.now(), ActionStatus.OPEN, now);
        ExportedMeeting meeting = new ExportedMeeting("NORTH-2026-11-30", Quadrant.NORTH, LocalDate.now(), null, CANARY, now,
                false, CANARY, List.of(minutes), List.of(action));
        ExportedEpisodeVersion episode = new ExportedEpisodeVersion(1, "REPORTED", now, now, CANARY, null, false, false,
                CANARY, "essex-police", now);
        ExportedIndicator indicator = new ExportedIndicator("ind-1", ExploitationIndicator.GANG_ASSOCIATION, LocalDate.now(),
                "all-members", "essex-csc", now, CANARY);
        SubjectAccessExport export = new SubjectAccessExport("export-1", "case-1", now, "essex-csc", "PRACTITIONER", subject,
                List.of(), null, List.of(item), List.of(), List.of(meeting), List.of(), List.of(CANARY));

        for (Object printed : List.of(export, subject, item, minutes, action, meeting, episode, indicator)) {
            assertThat(printed.toString()).as(printed.getClass().getSimpleName()).doesNotContain(CANARY).isNotBlank();
        }
        assertThat(export.toString()).contains("export-1", "case-1");
    }
}
