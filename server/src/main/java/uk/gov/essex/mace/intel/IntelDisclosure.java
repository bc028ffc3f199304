package uk.gov.essex.mace.intel;

import java.util.List;
import java.util.Set;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * Every revision of every item of a case as one viewer may see it, built by the same projection as
 * every other channel, for an export that audits itself (subject access). Items the viewer may not
 * know exist are absent.
 */
public interface IntelDisclosure {

    /**
     * @param alsoWithheld labels whose content becomes a placeholder even where {@code who} could read it
     * @return each item's revisions, oldest item and revision first
     */
    List<IntelItemResponse> disclose(HubPrincipal who, CaseFacts facts, Set<String> alsoWithheld);
}
