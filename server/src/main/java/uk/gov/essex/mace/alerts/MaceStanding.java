package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.Set;

/**
 * One case's standing against the MACE criteria, for building a MACE Part 1 agenda.
 *
 * @param caseId the case
 * @param inCriteria whether it meets a MACE reason now
 * @param reasons the MACE reasons it meets now
 * @param enteredAt when it last entered the criteria
 * @param leftAt when it last left them ({@code null} if it has not since entering)
 */
public record MaceStanding(String caseId, boolean inCriteria, Set<AlertReason> reasons, Instant enteredAt,
        Instant leftAt) {

    public MaceStanding {
        reasons = Set.copyOf(reasons);
    }
}
