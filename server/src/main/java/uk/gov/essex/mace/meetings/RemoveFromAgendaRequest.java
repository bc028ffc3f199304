package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The coordinator takes a case off the agenda, saying why; the automatic build will not put it back. */
public record RemoveFromAgendaRequest(@NotBlank @Size(max = 500) String reason) {}
