/**
 * The Risk in the Community Record of a case: missing episodes (versioned, never overwritten),
 * risk assessments and exploitation indicators. These feed the MACE criteria the hub evaluates
 * (known to be exploited and HIGH risk; 3 missing episodes in 4 weeks).
 */
package uk.gov.essex.mace.client.risk;
