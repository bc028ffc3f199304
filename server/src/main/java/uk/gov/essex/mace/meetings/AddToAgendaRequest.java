package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The coordinator puts a case of the meeting's quadrant on the agenda, saying why. */
public record AddToAgendaRequest(@NotBlank @Size(max = 100) String caseId, @NotBlank @Size(max = 500) String reason) {}
