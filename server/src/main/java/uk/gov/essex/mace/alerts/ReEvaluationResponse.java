package uk.gov.essex.mace.alerts;

/**
 * What a full re-evaluation did: counts only, no case ids (an administrator may run it).
 *
 * @param cases cases with risk records evaluated
 * @param unchanged cases whose standing was already current
 * @param inCriteria cases in the MACE criteria afterwards
 * @param entered reasons entered (a case may enter two)
 * @param left reasons left
 * @param alertsRaised alerts newly raised
 * @param durationMillis how long it took
 */
public record ReEvaluationResponse(
        int cases, int unchanged, int inCriteria, int entered, int left, int alertsRaised, long durationMillis) {}
