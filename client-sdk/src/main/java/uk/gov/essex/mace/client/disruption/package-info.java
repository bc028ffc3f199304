/**
 * Disruption updates: what district councils, Community Safety Partnerships and police did at a
 * place to disrupt exploitation (licensing inspections, closure orders, Community Protection
 * Notices, hotel and taxi checks, patrols), optionally linked to cases. Each update is shared under
 * a handling label with the MACE membership of its place's quadrant and with those who may read a
 * linked case, and is returned to each caller as the hub projects it for them.
 */
package uk.gov.essex.mace.client.disruption;
