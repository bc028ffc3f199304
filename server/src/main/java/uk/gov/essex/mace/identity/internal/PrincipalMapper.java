package uk.gov.essex.mace.identity.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.partnership.Agency;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * Turns a validated token into a {@link HubPrincipal}: the embedded issuer's own claims, or an
 * external issuer's claims through its configured mapping. The agency must be configured; role
 * and quadrant values that the mapping does not know are dropped, never guessed.
 */
final class PrincipalMapper {

    private final Partnership partnership;

    PrincipalMapper(Partnership partnership) {
        this.partnership = partnership;
    }

    HubPrincipal fromHubToken(Jwt jwt) {
        Agency agency = agency(jwt.getClaimAsString(HubClaims.AGENCY));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(jwt.getClaim(HubClaims.ROLES))) {
            roles.add(Role.valueOf(value));
        }
        return new HubPrincipal(jwt.getSubject(), agency.id(), agency.type(), roles,
                quadrants(jwt.getClaim(HubClaims.QUADRANTS)), jwt.getClaimAsString(HubClaims.CLIENT_ID), issuer(jwt));
    }

    HubPrincipal fromExternalToken(Jwt jwt, IdentityProperties.TrustedIssuer mapping) {
        String agencyId = mapping.agency() != null && !mapping.agency().isBlank()
                ? mapping.agency()
                : jwt.getClaimAsString(mapping.agencyClaim() == null ? "agency" : mapping.agencyClaim());
        Agency agency = agency(agencyId);
        Map<String, Role> roleMapping = mapping.roleMapping();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(jwt.getClaim(mapping.rolesClaim()))) {
            Role role = roleMapping.get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw invalid("token carries no role the hub's mapping for this issuer knows");
        }
        String subject = jwt.getClaimAsString(mapping.subjectClaim());
        if (subject == null || subject.isBlank()) {
            throw invalid("token has no subject");
        }
        String clientId = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
        return new HubPrincipal(subject, agency.id(), agency.type(), roles,
                quadrants(jwt.getClaim(mapping.quadrantsClaim())), clientId, issuer(jwt));
    }

    private Agency agency(String id) {
        return partnership.agency(id).orElseThrow(() -> invalid("token names no configured agency"));
    }

    private static Set<Quadrant> quadrants(Object claim) {
        return strings(claim).stream()
                .map(Quadrant::parse)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Quadrant.class)));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String issuer(Jwt jwt) {
        return jwt.getIssuer() == null ? null : jwt.getIssuer().toString();
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
