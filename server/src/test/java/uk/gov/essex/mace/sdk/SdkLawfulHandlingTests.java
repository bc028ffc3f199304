package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.ConflictException;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.retention.LegalHold;
import uk.gov.essex.mace.client.risk.ExploitationIndicator;
import uk.gov.essex.mace.client.risk.Indicator;
import uk.gov.essex.mace.client.risk.RecordIndicatorRequest;
import uk.gov.essex.mace.client.risk.ReportMissingEpisodeRequest;
import uk.gov.essex.mace.client.sar.SubjectAccessExport;

/** Legal holds and subject access exports through the SDK, with the people's tokens they need. */
class SdkLawfulHandlingTests extends SdkIntegrationTest {

    @Test
    void legalHoldWhenPlacedAndLiftedByMemberPoliceIntelligenceThenRecordedWithReasons() {
        HubClient officer = person("police.north");
        CaseResponse c = openCase();
        assertThat(officer.legalHolds().get(c.id()).held()).isFalse();

        LegalHold placed = officer.legalHolds().place(c.id(), "Crown Court trial R v Example, disclosure duties");
        assertThat(placed.held()).isTrue();
        assertThat(placed.caseId()).isEqualTo(c.id());
        assertThat(placed.placedByAgency()).isEqualTo("essex-police");
        assertThat(placed.placedAt()).isNotNull();
        assertThat(placed.reason()).isEqualTo("Crown Court trial R v Example, disclosure duties");
        assertThat(placed.toString()).doesNotContain("Crown Court");
        assertThat(officer.legalHolds().get(c.id()).held()).isTrue();
        assertThatThrownBy(() -> officer.legalHolds().place(c.id(), "again"))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).problemSlug()).isEqualTo("already-held"));

        LegalHold lifted = officer.legalHolds().lift(c.id(), "Trial concluded; appeal period over");
        assertThat(lifted.held()).isFalse();
        assertThat(lifted.liftReason()).isEqualTo("Trial concluded; appeal period over");
        assertThat(lifted.liftedAt()).isNotNull();
        assertThatThrownBy(() -> officer.legalHolds().lift(c.id(), "again"))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).problemSlug()).isEqualTo("not-held"));
    }

    @Test
    void legalHoldWhenPartnerSystemClientThenForbidden() {
        CaseResponse c = openCase();
        assertThatThrownBy(() -> partner(POLICE).legalHolds().get(c.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> partner(POLICE).legalHolds().place(c.id(), "a system may not")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void subjectAccessExportWhenSocialCarePractitionerThenRecordWithThirdPartiesAndRestrictedWithheld() {
        CaseResponse c = openCase("essex-csc");
        IntelItem shared = partner(POLICE).intel().share(c.id(), SdkIntelTests.item(
                "Seen at the park [[police-only:with a man known to police as J]] on Friday")
                .person("Male 1", "about 30").build());
        Instant started = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        partner(POLICE).missingEpisodes().report(c.id(), new ReportMissingEpisodeRequest(started,
                started.plusSeconds(3600), "Found at a friend's flat", true));
        partner(POLICE).indicators().record(c.id(), new RecordIndicatorRequest(ExploitationIndicator.MULTIPLE_PHONES_OR_SIMS,
                LocalDate.now().minusDays(1), "Two phones seen at school"));
        Indicator hidden = partner(POLICE).indicators().record(c.id(), new RecordIndicatorRequest(
                ExploitationIndicator.GANG_ASSOCIATION, LocalDate.now().minusDays(1), "Named by an informant", "police-only"));

        SubjectAccessExport export = person("csc.north").subjectAccess().export(c.id());

        assertThat(export.exportId()).isNotBlank();
        assertThat(export.caseId()).isEqualTo(c.id());
        assertThat(export.producedByAgency()).isEqualTo("essex-csc");
        assertThat(export.producedByRole()).isEqualTo("PRACTITIONER");
        assertThat(export.subject().childName()).isEqualTo(c.childName());
        assertThat(export.subject().dateOfBirth()).isEqualTo(c.dateOfBirth());
        assertThat(export.agencies()).extracting(SubjectAccessExport.Agency::agencyId).contains("essex-police", "essex-csc");
        assertThat(export.intelligence()).singleElement().satisfies(i -> {
            assertThat(i.itemId()).isEqualTo(shared.id());
            assertThat(i.sharedByAgency()).isNotBlank();
            assertThat(i.text()).contains("Seen at the park").contains("[redacted]").doesNotContain("known to police");
        });
        assertThat(export.risk().missingEpisodes()).singleElement().satisfies(e -> assertThat(e.versions())
                .singleElement().satisfies(v -> assertThat(v.whereFound()).isEqualTo("Found at a friend's flat")));
        assertThat(export.risk().indicators()).singleElement()
                .satisfies(i -> assertThat(i.sourceNote()).isEqualTo("Two phones seen at school"));
        assertThat(export.alerts()).isEmpty();
        assertThat(export.meetings()).isEmpty();
        assertThat(export.withheld()).contains(
                new SubjectAccessExport.WithheldEntry("text-segment", "intel/" + shared.id() + "/r1/part/1",
                        "not-visible-to-exporter", "police-only", "Police only",
                        "the Essex Police officer in the case, or the MACE police lead"),
                new SubjectAccessExport.WithheldEntry("person-of-interest", "intel/" + shared.id() + "/r1/person/0",
                        "third-party", null, null, null),
                new SubjectAccessExport.WithheldEntry("indicator", "indicator/" + hidden.id(), "not-visible-to-exporter",
                        "police-only", "Police only", "the Essex Police officer in the case, or the MACE police lead"));
        assertThat(export.toString()).doesNotContain(c.childName());
        assertThat(person("csc.north").subjectAccess().export(c.id()).exportId()).as("each export is its own")
                .isNotEqualTo(export.exportId());
    }

    @Test
    void subjectAccessExportWhenPartnerSystemClientThenForbidden() {
        CaseResponse c = openCase("essex-csc");
        assertThatThrownBy(() -> partner(POLICE).subjectAccess().export(c.id())).isInstanceOf(ForbiddenException.class);
    }
}
