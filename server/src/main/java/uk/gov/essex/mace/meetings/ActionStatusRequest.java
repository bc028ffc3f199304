package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotNull;

/** Moves a decision or action to OPEN, DONE or CANCELLED. */
public record ActionStatusRequest(@NotNull ActionStatus status) {}
