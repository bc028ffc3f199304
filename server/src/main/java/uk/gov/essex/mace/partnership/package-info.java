/**
 * The partnership's structure: agency types, roles, the four MACE quadrants and their districts,
 * and the configured agencies. Pure configuration, loaded from {@code config/}; no storage.
 */
package uk.gov.essex.mace.partnership;
