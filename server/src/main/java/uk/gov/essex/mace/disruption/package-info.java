/**
 * Disruption: updates from district councils, Community Safety Partnerships and police on what
 * they did at a place to disrupt exploitation (licensing inspections, closure orders, Community
 * Protection Notices, hotel and taxi checks, patrols), optionally linked to cases. Each update is
 * shared under a handling label with the MACE membership of its place's quadrant and with those who
 * may read a linked case; its place, outcome and text are sealed at rest; it is read only through
 * {@code DisruptionProjection}, the one redaction of an update.
 *
 * <p>Public API for other features: {@link uk.gov.essex.mace.disruption.DisruptionActivity}
 * (places and counts for the Part 2 profile) and the event
 * {@link uk.gov.essex.mace.disruption.DisruptionPosted}.
 */
package uk.gov.essex.mace.disruption;
