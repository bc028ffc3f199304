/**
 * Profile: the quarterly MACE Part 2 local problem profile of a quadrant, and its county-wide view
 * for the Sub-Committee, computed from the hub's own records (MACE standings, missing episodes,
 * exploitation indicators, intelligence locations, disruption updates). Pseudonymised: no child's
 * name, date of birth or case id ever leaves this package; places are opened on the server only to
 * be counted. Small numbers are suppressed, with complementary suppression so that no suppressed
 * count can be recovered by subtracting published ones ({@code Suppression}). Also records the
 * Part 2 meetings and the themes they share with Stay Safe groups and the wider workforce, and
 * exports the profile as CSV and PDF.
 */
package uk.gov.essex.mace.profile;
