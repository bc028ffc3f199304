package uk.gov.essex.mace.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one case stands against the MACE criteria: per reason whether it is met now and how many
 * times the case has entered it (which numbers its alerts), and which version of the case's risk
 * records, under which settings, this was decided from; and the whole history of entering and
 * leaving, one {@link Change} per evaluation that moved a reason, never rewritten. Changed only by
 * compare-and-set on {@code rev}; {@code rev == 0} means not yet stored.
 */
record CriteriaStatus(
        String caseId,
        long rev,
        long version,
        String settings,
        Map<AlertReason, ReasonState> reasons,
        Instant enteredAt,
        Instant leftAt,
        Instant evaluatedAt,
        List<Change> history) {

    CriteriaStatus {
        reasons = Map.copyOf(reasons);
        history = List.copyOf(history);
    }

    /**
     * One evaluation that moved the case into or out of reasons, kept for good.
     *
     * @param at when it was found
     * @param entered reasons met from then on
     * @param left reasons no longer met from then on
     * @param inCriteria whether the case was in the MACE criteria afterwards
     * @param cause what prompted the evaluation, e.g. {@code missing-episode.reported}, {@code re-evaluation}
     * @param riskVersion the version of the case's risk records it was decided from
     */
    record Change(Instant at, Set<AlertReason> entered, Set<AlertReason> left, boolean inCriteria, String cause,
            long riskVersion) {

        Change {
            entered = entered.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(entered));
            left = left.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(left));
        }
    }

    /**
     * One reason's standing.
     *
     * @param active met at the last evaluation
     * @param entries how many times the case has entered this reason (its latest alert is number {@code entries})
     * @param since when it was last entered
     * @param leftAt when it was last left, or {@code null}
     */
    record ReasonState(boolean active, int entries, Instant since, Instant leftAt) {}

    /** What an evaluation changed. */
    record Transition(CriteriaStatus after, Set<AlertReason> entered, Set<AlertReason> left) {}

    static CriteriaStatus none(String caseId) {
        return new CriteriaStatus(caseId, 0, -1, "", Map.of(), null, null, null, List.of());
    }

    Set<AlertReason> active() {
        Set<AlertReason> active = EnumSet.noneOf(AlertReason.class);
        reasons.forEach((reason, state) -> {
            if (state.active()) {
                active.add(reason);
            }
        });
        return active;
    }

    /** In the MACE criteria: a MACE reason (not a review prompt) is met. */
    boolean inCriteria() {
        return active().stream().anyMatch(AlertReason::maceCriterion);
    }

    int entries(AlertReason reason) {
        ReasonState state = reasons.get(reason);
        return state == null ? 0 : state.entries();
    }

    /** The id of the alert for the case's latest entry into {@code reason}: unique by construction. */
    String alertId(AlertReason reason) {
        return alertId(caseId, reason, entries(reason));
    }

    static String alertId(String caseId, AlertReason reason, int entry) {
        return caseId + ":" + reason.name() + ":" + entry;
    }

    /** True when this standing was decided from {@code version} or a later one, under the same settings. */
    boolean isCurrentFor(long riskVersion, String currentSettings) {
        return version > riskVersion || (version == riskVersion && currentSettings.equals(settings));
    }

    /** The standing after an evaluation that found {@code met} in {@code riskVersion}. */
    Transition next(Set<AlertReason> met, long riskVersion, String currentSettings, Instant now) {
        return next(met, riskVersion, currentSettings, now, "evaluation");
    }

    /**
     * The standing after an evaluation, prompted by {@code cause}, that found {@code met} in
     * {@code riskVersion}; a move into or out of any reason is added to the history.
     */
    Transition next(Set<AlertReason> met, long riskVersion, String currentSettings, Instant now, String cause) {
        Map<AlertReason, ReasonState> nextReasons = new EnumMap<>(AlertReason.class);
        nextReasons.putAll(reasons);
        Set<AlertReason> entered = EnumSet.noneOf(AlertReason.class);
        Set<AlertReason> left = EnumSet.noneOf(AlertReason.class);
        for (AlertReason reason : AlertReason.values()) {
            ReasonState state = reasons.get(reason);
            boolean was = state != null && state.active();
            boolean is = met.contains(reason);
            if (is && !was) {
                entered.add(reason);
                nextReasons.put(reason, new ReasonState(true, entries(reason) + 1, now, state == null ? null : state.leftAt()));
            } else if (was && !is) {
                left.add(reason);
                nextReasons.put(reason, new ReasonState(false, state.entries(), state.since(), now));
            }
        }
        CriteriaStatus draft = new CriteriaStatus(caseId, rev, riskVersion, currentSettings, nextReasons, enteredAt,
                leftAt, now, history);
        Instant nextEntered = enteredAt;
        Instant nextLeft = leftAt;
        if (draft.inCriteria() && !inCriteria()) {
            nextEntered = now;
            nextLeft = null;
        } else if (!draft.inCriteria() && inCriteria()) {
            nextLeft = now;
        }
        List<Change> nextHistory = history;
        if (!entered.isEmpty() || !left.isEmpty()) {
            nextHistory = new ArrayList<>(history);
            nextHistory.add(new Change(now, entered, left, draft.inCriteria(), cause, riskVersion));
        }
        return new Transition(new CriteriaStatus(caseId, rev, riskVersion, currentSettings, nextReasons, nextEntered,
                nextLeft, now, nextHistory), entered, left);
    }
}
