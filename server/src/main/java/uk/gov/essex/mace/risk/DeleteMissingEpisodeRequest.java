package uk.gov.essex.mace.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Deletes a missing episode recorded in error. The episode is kept, marked deleted, and no longer
 * counts towards the MACE criteria.
 *
 * @param version the current version of the episode
 * @param reason why it was recorded in error
 */
public record DeleteMissingEpisodeRequest(@NotNull @Positive Integer version, @NotBlank @Size(max = 500) String reason) {}
