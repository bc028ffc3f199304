package uk.gov.essex.mace.sar;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.cases.ClosureReason;
import uk.gov.essex.mace.cases.CaseStatus;
import uk.gov.essex.mace.cases.ExploitationType;
import uk.gov.essex.mace.intel.IntelCategory;
import uk.gov.essex.mace.intel.Place;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.redaction.Marking;
import uk.gov.essex.mace.risk.RiskLevel;

/**
 * The record held about one child, for a subject access response. {@code withheld} and {@code notes}
 * are for the controller preparing the response (what was held back and why), not for release.
 *
 * @param exportId this export's id, also in the audit trail's {@code case.sar.export} entry
 * @param producedByAgency the agency of the person who produced it
 * @param producedByRole the role under which they may (children's social care practitioner or MACE chair)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectAccessExport(
        String exportId,
        String caseId,
        Instant producedAt,
        String producedByAgency,
        String producedByRole,
        ExportedSubject subject,
        List<ExportedAgency> agencies,
        ExportedRisk risk,
        List<ExportedIntel> intelligence,
        List<WithheldEntry> withheld,
        List<String> notes) {

    public SubjectAccessExport {
        agencies = List.copyOf(agencies);
        intelligence = List.copyOf(intelligence);
        withheld = List.copyOf(withheld);
        notes = List.copyOf(notes);
    }

    /** The child and their case. */
    public record ExportedSubject(String childName, LocalDate dateOfBirth, String district, Quadrant quadrant,
            ExploitationType exploitationType, CaseStatus status, Instant openedAt, String openedByAgency,
            Instant closedAt, ClosureReason closureReason, boolean wentToMace) {}

    /** An agency the record was shared with, and the agreement and lawful basis it shares under. */
    public record ExportedAgency(String agencyId, String name, AgencyType type, String agreement, List<String> lawfulBasis) {}

    /** The risk facts held (levels, dates, counts; no free text). */
    public record ExportedRisk(RiskLevel currentLevel, boolean knownToBeExploited, List<Instant> missingEpisodeStarts,
            int indicatorsRecorded) {}

    /** One revision of one intelligence item, as released: the sharing agency, never the author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExportedIntel(String itemId, int revision, String status, Instant sharedAt, Instant observedAt,
            Instant revisedAt, IntelCategory category, Marking marking, String sharedByAgency, String text, Place location,
            Instant withdrawnAt, String withdrawalReason) {}

    /**
     * What was withheld, how many, and why: never content.
     *
     * @param record {@code intel-item}, {@code text-segment}, {@code person-of-interest} or {@code staff-name}
     * @param label the handling label (for labelled content)
     * @param reason {@code not-visible-to-exporter} (ask {@code ask}), {@code source-protection} or {@code third-party}
     * @param count how many (items, or occurrences across revisions for segments and names)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WithheldEntry(String record, String label, String labelName, String reason, int count, String ask) {}
}
