package uk.gov.essex.mace.cases;

import uk.gov.essex.mace.partnership.Quadrant;

/**
 * What aggregate reporting may know of a case: where it belongs and what kind of exploitation it is
 * about. Never the child's name or date of birth.
 *
 * @param caseId the case (reporting uses it to join records and must never publish it)
 * @param quadrant the quadrant of the child's district
 * @param district the child's district
 * @param exploitationType CSE, CCE, both, or not yet known
 */
public record CaseOutline(String caseId, Quadrant quadrant, String district, ExploitationType exploitationType) {}
