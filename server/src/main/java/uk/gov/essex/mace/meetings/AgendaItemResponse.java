package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.List;

/** One child on the agenda, with the minutes and actions recorded for them. */
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
        List<ActionResponse> actions) {

    @Override
    public String toString() {
        return "AgendaItemResponse[" + caseId + ", " + section + "]";
    }
}
