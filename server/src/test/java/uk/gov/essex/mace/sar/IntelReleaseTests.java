package uk.gov.essex.mace.sar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.intel.IntelCategory;
import uk.gov.essex.mace.intel.IntelItemResponse;
import uk.gov.essex.mace.intel.PersonOfInterest;
import uk.gov.essex.mace.redaction.Marking;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * What a subject access export releases from the exporter's projections, including the case no demo
 * exporter meets: source-protected content the exporter could read (the projection was asked to
 * withhold it), which is listed for the controller but leaves no mark in the released text.
 */
class IntelReleaseTests {

    private static final Predicate<String> SOURCE_PROTECTING = Set.of("police-source-protected")::contains;
    private static final WithheldResponse SOURCE = new WithheldResponse("police-source-protected",
            "Police intelligence, source protected", "essex-police", "Essex Police", "");
    private static final WithheldResponse POLICE_ONLY = new WithheldResponse("police-only", "Police only", "essex-police",
            "Essex Police", "the Essex Police officer in the case");

    @Test
    void releaseWhenSourceProtectedItemThenListedOnceAsSourceProtectionAndNothingReleased() {
        WithheldList withheld = new WithheldList(SOURCE_PROTECTING);

        var released = IntelRelease.release(List.of(placeholder("i1", 1, SOURCE), placeholder("i1", 2, SOURCE)), withheld);

        assertThat(released).isEmpty();
        assertThat(withheld.entries()).containsExactly(new SubjectAccessExport.WithheldEntry("intel-item", "intel/i1",
                "source-protection", "police-source-protected", "Police intelligence, source protected", null));
    }

    @Test
    void releaseWhenSegmentsWithheldThenSourceProtectedLeavesNoMarkAndOthersAreRedacted() {
        WithheldList withheld = new WithheldList(SOURCE_PROTECTING);
        IntelItemResponse view = visible("i2", 1, List.of(TextPart.text("Seen at the station "),
                TextPart.withheld(SOURCE), TextPart.text("with "), TextPart.withheld(POLICE_ONLY)),
                List.of(new PersonOfInterest("SAR-CANARY-NAME", "older male")));

        var released = IntelRelease.release(List.of(view), withheld);

        assertThat(released).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Seen at the station with [redacted]");
            assertThat(r.toString()).doesNotContain("SAR-CANARY-NAME").doesNotContain("alice");
        });
        assertThat(withheld.entries()).containsExactlyInAnyOrder(
                new SubjectAccessExport.WithheldEntry("text-segment", "intel/i2/r1/part/1", "source-protection",
                        "police-source-protected", "Police intelligence, source protected", null),
                new SubjectAccessExport.WithheldEntry("text-segment", "intel/i2/r1/part/3", "not-visible-to-exporter",
                        "police-only", "Police only", "the Essex Police officer in the case"),
                new SubjectAccessExport.WithheldEntry("person-of-interest", "intel/i2/r1/person/0", "third-party", null, null,
                        null),
                new SubjectAccessExport.WithheldEntry("staff-name", "intel/i2/r1/author", "third-party", null, null, null));
    }

    private static IntelItemResponse placeholder(String id, int revision, WithheldResponse withheld) {
        return new IntelItemResponse(id, "case-1", revision, "ACTIVE", Instant.EPOCH, Marking.OFFICIAL_SENSITIVE,
                withheld.label(), withheld.labelName(), withheld.owningAgency(), withheld.owningAgencyName(), withheld, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    private static IntelItemResponse visible(String id, int revision, List<TextPart> parts, List<PersonOfInterest> persons) {
        return new IntelItemResponse(id, "case-1", revision, "ACTIVE", Instant.EPOCH, Marking.OFFICIAL_SENSITIVE,
                "all-members", "All case members", "essex-police", "Essex Police", null, null, "alice",
                IntelCategory.ASSOCIATES, Instant.EPOCH, Instant.EPOCH, "flattened", parts, null, persons, null, null, null);
    }
}
