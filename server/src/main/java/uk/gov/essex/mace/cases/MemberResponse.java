package uk.gov.essex.mace.cases;

import uk.gov.essex.mace.partnership.AgencyType;

/** A member agency of a case. */
public record MemberResponse(String agencyId, String name, AgencyType type) {}
