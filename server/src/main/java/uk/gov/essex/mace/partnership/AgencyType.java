package uk.gov.essex.mace.partnership;

/** The kinds of agency in the partnership. Policy rules speak of these, so they are code. */
public enum AgencyType {
    POLICE,
    CHILDRENS_SOCIAL_CARE,
    DISTRICT_COUNCIL,
    CSP,
    HEALTH,
    EDUCATION,
    YOUTH_JUSTICE,
    VOLUNTARY
}
