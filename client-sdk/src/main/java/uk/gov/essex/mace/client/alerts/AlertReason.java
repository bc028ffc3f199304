package uk.gov.essex.mace.client.alerts;

/** Why an alert was raised. */
public enum AlertReason {
    /** Known to be exploited and assessed HIGH on the current Risk in the Community Record. */
    HIGH_RISK_EXPLOITED,
    /** Missing episodes: 3 started within a rolling 28 days (the hub's configuration may differ). */
    MISSING_EPISODES,
    /** Not a MACE alert: indicators from two or more agencies while risk is not HIGH; review the assessment. */
    REVIEW_PROMPT
}
