package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A decision or action the meeting sets for one child.
 *
 * @param kind DECISION or ACTION
 * @param type PLAN, DISRUPTION_OPPORTUNITY or EVIDENCE_GATHERING
 * @param description what is to be done (sealed at rest)
 * @param ownerAgency the agency that owns it (a configured agency id)
 * @param dueDate when it is due
 */
public record RecordActionRequest(
        @NotNull ActionKind kind,
        @NotNull ActionType type,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 100) String ownerAgency,
        @NotNull LocalDate dueDate) {

    @Override
    public String toString() {
        return "RecordActionRequest[" + kind + ", " + type + ", " + ownerAgency + "]";
    }
}
