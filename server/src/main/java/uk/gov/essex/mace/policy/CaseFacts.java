package uk.gov.essex.mace.policy;

import java.util.Set;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * What the policy decision point needs to know about a case: never its content.
 *
 * @param caseId the case id (for audit)
 * @param quadrant the quadrant of the child's district
 * @param memberAgencies ids of the agencies that are members of the case
 */
public record CaseFacts(String caseId, Quadrant quadrant, Set<String> memberAgencies) {

    public CaseFacts {
        memberAgencies = Set.copyOf(memberAgencies);
    }
}
