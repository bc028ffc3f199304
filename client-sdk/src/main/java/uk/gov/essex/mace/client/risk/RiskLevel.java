package uk.gov.essex.mace.client.risk;

/** The level of a Risk in the Community Record assessment. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH
}
