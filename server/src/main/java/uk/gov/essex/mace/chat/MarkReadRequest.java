package uk.gov.essex.mace.chat;

import jakarta.validation.constraints.Positive;

/**
 * Marks a case's feed read up to an item.
 *
 * @param seq the {@code seq} of the newest item the reader has seen
 */
public record MarkReadRequest(@Positive long seq) {}
