package uk.gov.essex.mace.intel;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import uk.gov.essex.mace.redaction.Marking;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * One viewer's projection of an item (one revision of it). When {@code withheld} is set the viewer
 * may not see the content and every content field is absent; the marking, owning agency, label and
 * any handling conditions are shown to every viewer.
 *
 * <p>There is deliberately no position number: a case-wide sequence would show, by its gaps, that
 * items exist which the viewer may not know of. Order by {@code sharedAt}; page with the opaque
 * cursors of {@link IntelListResponse}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntelItemResponse(
        String id,
        String caseId,
        int revision,
        String status,
        Instant sharedAt,
        Marking marking,
        String label,
        String labelName,
        String owningAgency,
        String owningAgencyName,
        WithheldResponse withheld,
        HandlingResponse handling,
        String author,
        IntelCategory category,
        Instant observedAt,
        Instant revisedAt,
        String text,
        List<TextPart> parts,
        Place location,
        List<PersonOfInterest> persons,
        Integer sourceEvaluation,
        Grading.Assessment intelligenceAssessment,
        WithdrawalResponse withdrawal) {

    /** The 3x5x2 handling code and its conditions: shown to every viewer of the item or its placeholder. */
    public record HandlingResponse(Grading.HandlingCode code, String conditions) {}

    /** Who withdrew the item, when, and why. */
    public record WithdrawalResponse(Instant at, String by, String reason) {}

    @Override
    public String toString() {
        return "IntelItemResponse[" + id + " r" + revision + (withheld != null ? " withheld" : "") + "]";
    }
}
