package uk.gov.essex.mace.identity;

import java.util.Set;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * Who is calling: a person or a partner system, as established from a validated access token.
 * Every policy decision is taken from this and nothing else.
 *
 * @param subject the token subject (username or client id)
 * @param agencyId the agency the caller acts for (configured agency id)
 * @param agencyType the kind of that agency
 * @param roles the caller's roles
 * @param quadrants the quadrants the caller covers
 * @param clientId the OAuth2 client that obtained the token
 * @param issuer the token issuer
 */
public record HubPrincipal(
        String subject,
        String agencyId,
        AgencyType agencyType,
        Set<Role> roles,
        Set<Quadrant> quadrants,
        String clientId,
        String issuer) {

    public HubPrincipal {
        roles = Set.copyOf(roles);
        quadrants = Set.copyOf(quadrants);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean covers(Quadrant quadrant) {
        return quadrants.contains(quadrant);
    }
}
