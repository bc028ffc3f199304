package uk.gov.essex.mace.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * One recorded exploitation indicator as one viewer may see it. When {@code withheld} is set the
 * viewer may not see it under its label, and only the label, the recording agency and when it was
 * recorded are shown: not which indicator, when it was observed, the source note or who recorded
 * it. An indicator whose label withholds even that is not in the viewer's list at all.
 *
 * @param sourceNote the note as the viewer may read it, withheld segments shown in brackets
 * @param sourceNoteParts the note split into readable parts and placeholders
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorResponse(
        String id,
        String caseId,
        String label,
        String labelName,
        String recordedByAgency,
        String recordedByAgencyName,
        Instant recordedAt,
        WithheldResponse withheld,
        ExploitationIndicator indicator,
        LocalDate observedOn,
        String sourceNote,
        List<TextPart> sourceNoteParts,
        String recordedBy) {

    @Override
    public String toString() {
        return "IndicatorResponse[" + id + (withheld != null ? " withheld" : "") + "]";
    }
}
