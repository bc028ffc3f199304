package uk.gov.essex.mace.cases;

import java.util.Optional;
import uk.gov.essex.mace.policy.CaseFacts;

/** What other features may ask about a case: the facts the policy decision point needs, never content. */
public interface CaseLookup {

    Optional<CaseFacts> facts(String caseId);
}
