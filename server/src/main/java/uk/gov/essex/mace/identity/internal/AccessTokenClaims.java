package uk.gov.essex.mace.identity.internal;

import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.audit.AuditEvent;
import uk.gov.essex.mace.audit.AuditTrail;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.partnership.Partnership;

/**
 * Puts agency, agency type, roles, quadrants and the hub audience into every access token the
 * embedded server issues, and records the issuance in the audit trail (fail closed: no audit
 * entry, no token). A revoked client gets no token.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Directory directory;
    private final Partnership partnership;
    private final IdentityProperties properties;
    private final AuditTrail audit;
    private final ClientRevocations revocations;

    AccessTokenClaims(Directory directory, Partnership partnership, IdentityProperties properties, AuditTrail audit,
            ClientRevocations revocations) {
        this.directory = directory;
        this.partnership = partnership;
        this.properties = properties;
        this.audit = audit;
        this.revocations = revocations;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        boolean machine = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        String subject = machine ? clientId : context.getPrincipal().getName();
        if (revocations.revoked(clientId)) {
            audit.append(new AuditEvent(null, "token.refused", List.of(subject), AuditEvent.Outcome.DENIED,
                    java.util.Map.of("clientId", clientId, "reason", "client-revoked")));
            throw new OAuth2AuthenticationException(new OAuth2Error("unauthorized_client", "client revoked", null));
        }
        Directory.Grant grant = (machine ? directory.clientGrant(subject) : directory.userGrant(subject))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied")));
        var agency = partnership.agency(grant.agency())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("access_denied")));
        context.getClaims()
                .audience(List.of(properties.audience()))
                .claim(HubClaims.AGENCY, agency.id())
                .claim(HubClaims.AGENCY_TYPE, agency.type().name())
                .claim(HubClaims.ROLES, grant.roles().stream().map(Enum::name).toList())
                .claim(HubClaims.QUADRANTS, grant.quadrants().stream().map(Enum::name).toList())
                .claim(HubClaims.CLIENT_ID, clientId);
        audit.append(new AuditEvent(null, "token.issued", List.of(subject), AuditEvent.Outcome.SUCCESS,
                java.util.Map.of("clientId", clientId, "agency", agency.id(),
                        "grant", context.getAuthorizationGrantType().getValue())));
    }
}
