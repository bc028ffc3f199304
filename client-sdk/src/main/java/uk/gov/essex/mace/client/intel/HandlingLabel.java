package uk.gov.essex.mace.client.intel;

/**
 * A handling label the hub knows ({@code GET /api/labels}).
 *
 * @param id e.g. {@code police-only}
 * @param name display name
 * @param requiresMembership whether only member agencies of a case can be in its audience
 * @param withheld what others see: {@code PLACEHOLDER}, or {@code NOTHING} at all
 * @param ask whom others should ask
 */
public record HandlingLabel(String id, String name, boolean requiresMembership, String withheld, String ask) {}
