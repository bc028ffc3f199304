package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A case's standing against the MACE criteria and the whole history of it: every time the case
 * entered or left a reason, when, and what prompted it. Reasons, dates and causes only: no content.
 *
 * @param caseId the case
 * @param inCriteria whether it meets a MACE reason now
 * @param reasons the MACE reasons it meets now, in a fixed order
 * @param reviewPrompt whether the softer "review the risk assessment" prompt stands
 * @param enteredAt when it last entered the MACE criteria, or {@code null}
 * @param leftAt when it last left them ({@code null} when it never has, or is in them now)
 * @param evaluatedAt when it was last evaluated, or {@code null} when never
 * @param history each change, oldest first
 */
public record MaceStandingResponse(
        String caseId,
        boolean inCriteria,
        List<AlertReason> reasons,
        boolean reviewPrompt,
        Instant enteredAt,
        Instant leftAt,
        Instant evaluatedAt,
        List<StandingChange> history) {

    public MaceStandingResponse {
        reasons = List.copyOf(reasons);
        history = List.copyOf(history);
    }

    /**
     * One evaluation that moved the case into or out of reasons.
     *
     * @param at when
     * @param entered reasons met from then on
     * @param left reasons no longer met from then on
     * @param inCriteria whether the case was in the MACE criteria afterwards
     * @param cause what prompted the evaluation, e.g. {@code missing-episode.reported}, {@code assessment},
     *     {@code re-evaluation}
     */
    public record StandingChange(Instant at, List<AlertReason> entered, List<AlertReason> left, boolean inCriteria,
            String cause) {}

    static MaceStandingResponse of(CriteriaStatus s) {
        return new MaceStandingResponse(s.caseId(), s.inCriteria(),
                s.active().stream().filter(AlertReason::maceCriterion).sorted().toList(),
                s.active().contains(AlertReason.REVIEW_PROMPT), s.enteredAt(), s.inCriteria() ? null : s.leftAt(),
                s.evaluatedAt(),
                s.history().stream().map(c -> new StandingChange(c.at(), c.entered().stream().sorted().toList(),
                        c.left().stream().sorted().toList(), c.inCriteria(), c.cause())).toList());
    }
}
