package uk.gov.essex.mace.retention;

/**
 * What one evaluation found: counts only.
 *
 * @param closedCases closed cases looked at
 * @param due cases due for erasure and not held (including those proposed)
 * @param held due cases under legal hold
 * @param newlyDue cases that became due in this run
 * @param resumed interrupted erasures finished in this run
 * @param replayed cases (and quadrant-months of disruption updates) in the erasure ledger found back in
 *     the database and erased again
 * @param disruptionMonthsDue quadrant-months of disruption updates due for erasure and not held
 * @param disruptionMonthsHeld due quadrant-months with an update linked to a case under legal hold
 */
public record EvaluationResponse(int closedCases, int due, int held, int newlyDue, int resumed, int replayed,
        int disruptionMonthsDue, int disruptionMonthsHeld) {}
