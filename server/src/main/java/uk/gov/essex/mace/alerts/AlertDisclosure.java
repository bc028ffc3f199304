package uk.gov.essex.mace.alerts;

import java.util.List;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;

/**
 * Every alert ever raised about a case, whatever its status now, as one viewer may see it, for an
 * export that audits itself (subject access): like {@code GET /api/alerts/{id}}, but without a
 * {@code alert.read} entry per alert.
 */
public interface AlertDisclosure {

    /** The case's alerts, oldest raised first; empty when {@code who} may not read its alerts. */
    List<AlertResponse> disclose(HubPrincipal who, CaseFacts facts);
}
