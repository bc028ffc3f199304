package uk.gov.essex.mace.cases;

import jakarta.validation.constraints.NotNull;

/**
 * Closes a case. The closure date starts the case's retention clock.
 *
 * @param reason why, as a code
 */
public record CloseCaseRequest(@NotNull ClosureReason reason) {}
