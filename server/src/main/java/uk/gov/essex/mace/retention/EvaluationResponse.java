package uk.gov.essex.mace.retention;

/**
 * What one evaluation found: counts only.
 *
 * @param closedCases closed cases looked at
 * @param due cases due for erasure and not held (including those proposed)
 * @param held due cases under legal hold
 * @param newlyDue cases that became due in this run
 * @param resumed interrupted erasures finished in this run
 * @param replayed cases in the erasure ledger found back in the database and erased again
 */
public record EvaluationResponse(int closedCases, int due, int held, int newlyDue, int resumed, int replayed) {}
