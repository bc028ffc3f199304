package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.Set;

/**
 * Published when a case's standing against the criteria changes: it entered or left a reason.
 *
 * @param caseId the case
 * @param entered reasons now met that were not
 * @param left reasons no longer met
 * @param inCriteria whether the case is in the MACE criteria afterwards
 * @param at when the change was found
 */
public record MaceCriteriaChanged(
        String caseId, Set<AlertReason> entered, Set<AlertReason> left, boolean inCriteria, Instant at) {

    public MaceCriteriaChanged {
        entered = Set.copyOf(entered);
        left = Set.copyOf(left);
    }
}
