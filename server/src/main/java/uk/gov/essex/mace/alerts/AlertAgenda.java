package uk.gov.essex.mace.alerts;

import java.util.List;
import uk.gov.essex.mace.identity.HubPrincipal;

/** Lets a MACE Part 1 meeting take a case's alerts onto its agenda. */
public interface AlertAgenda {

    /**
     * Moves the case's OPEN and ACKNOWLEDGED MACE alerts to ON_AGENDA for {@code meetingId}, each
     * change audited and delivered live.
     *
     * @return the ids of the alerts moved
     */
    List<String> putOnAgenda(HubPrincipal who, String caseId, String meetingId);
}
