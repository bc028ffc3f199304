package uk.gov.essex.mace.cases;

import java.util.List;
import uk.gov.essex.mace.partnership.AgencyType;

/**
 * A member agency of a case, with the information sharing agreement and lawful basis it joined
 * under ({@code null} for memberships recorded before agreements were).
 */
public record MemberResponse(String agencyId, String name, AgencyType type, String agreement, List<String> lawfulBasis) {}
