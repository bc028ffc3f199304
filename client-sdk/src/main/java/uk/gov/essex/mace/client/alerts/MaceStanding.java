package uk.gov.essex.mace.client.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A case's standing against the MACE criteria and its whole history: every time the child entered
 * or left a reason, when, and what prompted it.
 *
 * @param caseId the case
 * @param inCriteria whether the child meets a MACE criterion now
 * @param reasons the MACE criteria met now
 * @param reviewPrompt whether the "review the risk assessment" prompt stands
 * @param enteredAt when the child last entered the MACE criteria
 * @param leftAt when the child last left them (null while in them, or if never)
 * @param evaluatedAt when the case was last evaluated (null if never)
 * @param history each change, oldest first
 */
public record MaceStanding(String caseId, boolean inCriteria, List<AlertReason> reasons, boolean reviewPrompt,
        Instant enteredAt, Instant leftAt, Instant evaluatedAt, List<Change> history) {

    public MaceStanding {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One evaluation that moved the child into or out of reasons.
     *
     * @param at when
     * @param entered reasons met from then on
     * @param left reasons no longer met from then on
     * @param inCriteria whether the child was in the MACE criteria afterwards
     * @param cause what prompted it, e.g. {@code missing-episode.reported}, {@code re-evaluation}
     */
    public record Change(Instant at, List<AlertReason> entered, List<AlertReason> left, boolean inCriteria, String cause) {

        public Change {
            entered = entered == null ? List.of() : List.copyOf(entered);
            left = left == null ? List.of() : List.copyOf(left);
        }
    }
}
