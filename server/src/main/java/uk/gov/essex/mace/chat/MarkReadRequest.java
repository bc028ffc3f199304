package uk.gov.essex.mace.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Marks a case's feed read up to an item.
 *
 * @param itemId the id of the newest item the reader has seen (an item they were shown)
 */
public record MarkReadRequest(@NotBlank @Size(max = 64) String itemId) {}
