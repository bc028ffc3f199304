package uk.gov.essex.mace.partnership;

/** A person's or partner system's role in the partnership, carried in every access token. */
public enum Role {
    PRACTITIONER,
    POLICE_INTELLIGENCE,
    HEALTH_SAFEGUARDING_LEAD,
    DISRUPTION_OFFICER,
    MACE_COORDINATOR,
    MACE_CHAIR,
    ANALYST,
    STAY_SAFE_LEAD,
    SUBCOMMITTEE,
    AUDITOR,
    ADMIN,
    PARTNER_SYSTEM
}
