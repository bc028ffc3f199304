/**
 * Cases: one per child, with the child's identity sealed at rest, a district and so a quadrant,
 * an exploitation type and the member agencies whose staff may work on it. Other features learn
 * about a case only through {@link uk.gov.essex.mace.cases.CaseLookup}.
 */
package uk.gov.essex.mace.cases;
