package uk.gov.essex.mace.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.client.ConflictException;
import uk.gov.essex.mace.client.ForbiddenException;
import uk.gov.essex.mace.client.HubClient;
import uk.gov.essex.mace.client.cases.CaseResponse;
import uk.gov.essex.mace.client.intel.IntelItem;
import uk.gov.essex.mace.client.retention.LegalHold;
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
        assertThat(export.withheld()).anySatisfy(w -> {
            assertThat(w.record()).isEqualTo("text-segment");
            assertThat(w.label()).isEqualTo("police-only");
            assertThat(w.reason()).isEqualTo("not-visible-to-exporter");
        });
        assertThat(export.withheld()).anySatisfy(w -> {
            assertThat(w.record()).isEqualTo("person-of-interest");
            assertThat(w.reason()).isEqualTo("third-party");
            assertThat(w.count()).isEqualTo(1);
        });
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
