package uk.gov.essex.mace.disruption;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.redaction.Marking;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * One viewer's projection of a disruption update. When {@code withheld} is set the viewer may not
 * see the content and every content field is absent; id, time posted, quadrant, marking, label and
 * owning agency are shown to every viewer. {@code linkedCaseIds} lists only the linked cases the
 * viewer may read. There is deliberately no position number: its gaps would show that updates
 * exist which the viewer may not know of.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisruptionResponse(
        String id,
        Instant postedAt,
        Quadrant quadrant,
        Marking marking,
        String label,
        String labelName,
        String owningAgency,
        String owningAgencyName,
        WithheldResponse withheld,
        DisruptionType type,
        LocalDate date,
        DisruptionPlace place,
        String outcome,
        String text,
        List<String> linkedCaseIds,
        String author) {

    @Override
    public String toString() {
        return "DisruptionResponse[" + id + (withheld != null ? " withheld" : "") + "]";
    }
}
