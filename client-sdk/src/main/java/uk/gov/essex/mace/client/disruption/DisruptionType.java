package uk.gov.essex.mace.client.disruption;

/** What was done at the place: the regulatory and enforcement tools of councils, CSPs and police. */
public enum DisruptionType {
    LICENSING_INSPECTION,
    CLOSURE_ORDER,
    COMMUNITY_PROTECTION_NOTICE,
    CRIMINAL_BEHAVIOUR_ORDER,
    HOTEL_OR_PREMISES_CHECK,
    TAXI_LICENSING_ACTION,
    PARTNERSHIP_PATROL,
    TRADING_STANDARDS,
    HOUSING_ACTION,
    OTHER
}
