/**
 * The partnership's structure: agency types, roles, the four MACE quadrants and their districts,
 * and the configured agencies. Pure configuration, loaded from {@code config/}; no storage. Agency
 * types and roles are also enums, because the hub's rules decide on each value; the lists in
 * {@code config/partnership.yml} describe them and must match them, or the hub does not start.
 */
package uk.gov.essex.mace.partnership;
