package uk.gov.essex.mace.identity.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.BearerTokens;
import uk.gov.essex.mace.identity.HubAuthentication;

/**
 * {@link BearerTokens} through the API's own issuer resolver. Its authentication manager picks the
 * issuer from the token's {@code iss} claim and ignores the request, so no request is needed.
 */
@Component
class IssuerBearerTokens implements BearerTokens {

    private final JwtIssuerAuthenticationManagerResolver issuers;

    IssuerBearerTokens(JwtIssuerAuthenticationManagerResolver issuerResolver) {
        this.issuers = issuerResolver;
    }

    @Override
    public HubAuthentication authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidBearerTokenException("no bearer token");
        }
        Authentication result = issuers.resolve(null).authenticate(new BearerTokenAuthenticationToken(token));
        if (result instanceof HubAuthentication hub) {
            return hub;
        }
        throw new InvalidBearerTokenException("token did not yield a hub principal");
    }
}
