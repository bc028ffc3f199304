package uk.gov.essex.mace.client.intel;

/** What an intelligence item is about: the indicators of exploitation and other kinds of intelligence. */
public enum IntelCategory {
    BEHAVIOUR_CHANGE,
    ASSOCIATION_WITH_OLDER_PEOPLE,
    MARKS_OR_SCARS,
    HEALTH,
    CONCEALING_INTERNET_USE,
    SCHOOL_EXCLUSION_OR_ABSENCE,
    SEXUALISED_RISK_TAKING,
    GANG_ASSOCIATION,
    POSSESSIONS,
    ASSOCIATES,
    LOCATIONS,
    VEHICLES,
    PHONES,
    ONLINE_ACTIVITY,
    MISSING,
    EDUCATION,
    OTHER
}
