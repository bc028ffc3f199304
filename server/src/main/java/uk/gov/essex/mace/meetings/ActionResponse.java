package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.time.LocalDate;
import uk.gov.essex.mace.partnership.Quadrant;

/** A decision or action, as a viewer who may read its case sees it. */
public record ActionResponse(
        String id,
        String meetingId,
        Quadrant quadrant,
        String caseId,
        ActionKind kind,
        ActionType type,
        String description,
        String ownerAgency,
        LocalDate dueDate,
        ActionStatus status,
        boolean overdue,
        String recordedBy,
        Instant recordedAt) {

    @Override
    public String toString() {
        return "ActionResponse[" + id + "]";
    }
}
