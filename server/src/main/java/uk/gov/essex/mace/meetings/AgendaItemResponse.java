package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.List;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * One child on the agenda, with the minutes and actions recorded for them, as a viewer who may read
 * the case sees it. The minutes are under a handling label: a viewer outside it gets
 * {@code minutesWithheld} instead of the text, or nothing at all when the label withholds even that.
 *
 * @param reason why the coordinator put the child on the agenda (manual items)
 * @param removedReason why the coordinator took the child off
 * @param minutes the minutes as the viewer may read them, withheld segments shown in brackets
 * @param minutesParts the minutes split into readable parts and placeholders
 * @param minutesLabel the minutes' handling label
 * @param minutesWithheld set when the viewer may not read the minutes under their label
 * @param minutesRevision the current minutes' revision (1 unless corrected; earlier ones at
 *     {@code GET .../cases/{caseId}/minutes/revisions}), only with the text
 */
public record AgendaItemResponse(
        String caseId,
        AgendaSection section,
        boolean manual,
        String reason,
        String by,
        Instant at,
        boolean removed,
        String removedReason,
        String minutes,
        List<TextPart> minutesParts,
        String minutesLabel,
        WithheldResponse minutesWithheld,
        Integer minutesRevision,
        List<ActionResponse> actions) {

    @Override
    public String toString() {
        return "AgendaItemResponse[" + caseId + ", " + section + "]";
    }
}
