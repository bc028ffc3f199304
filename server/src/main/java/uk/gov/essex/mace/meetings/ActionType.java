package uk.gov.essex.mace.meetings;

/** What MACE Part 1 considers for each child (the seed: plans, disruption, evidence for prosecution). */
public enum ActionType {
    PLAN,
    DISRUPTION_OPPORTUNITY,
    EVIDENCE_GATHERING
}
