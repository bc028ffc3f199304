package uk.gov.essex.mace.alerts;

/** Why an alert was raised. */
public enum AlertReason {
    /** Known to be exploited and assessed HIGH on the current Risk in the Community Record. */
    HIGH_RISK_EXPLOITED(true),
    /** Missing episodes: 3 (configurable) started within a rolling 28-day (configurable) window. */
    MISSING_EPISODES(true),
    /**
     * Not a MACE alert: indicators recorded by two or more agencies within 30 days while the
     * current level is not HIGH; a prompt to review the risk assessment.
     */
    REVIEW_PROMPT(false);

    private final boolean maceCriterion;

    AlertReason(boolean maceCriterion) {
        this.maceCriterion = maceCriterion;
    }

    /** True for the reasons that put a child in the MACE criteria (escalate, go on the agenda). */
    public boolean maceCriterion() {
        return maceCriterion;
    }
}
