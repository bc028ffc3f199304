package uk.gov.essex.mace.cases;

import java.util.Optional;
import uk.gov.essex.mace.identity.HubPrincipal;

/**
 * The case as one permitted viewer reads it, for an export that audits itself (a subject access
 * export): unlike the API read, this appends no {@code case.read} entry.
 */
public interface CaseDisclosure {

    /** The viewer's projection of the case; empty when it does not exist or they may not read it. */
    Optional<CaseResponse> disclose(HubPrincipal who, String caseId);
}
