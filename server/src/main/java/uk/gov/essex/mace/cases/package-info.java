/**
 * Cases: one per child, with the child's identity sealed at rest, a district and so a quadrant,
 * an exploitation type, the member agencies whose staff may work on it (each under the information
 * sharing agreement it joined with), and whether and since when it is closed. Other features learn
 * about a case only through {@link uk.gov.essex.mace.cases.CaseLookup}; lawful handling uses
 * {@link uk.gov.essex.mace.cases.CaseClosures}, {@link uk.gov.essex.mace.cases.CaseErasure} and
 * {@link uk.gov.essex.mace.cases.CaseDisclosure}.
 */
package uk.gov.essex.mace.cases;
