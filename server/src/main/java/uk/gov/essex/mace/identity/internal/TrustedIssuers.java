package uk.gov.essex.mace.identity.internal;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.identity.IdentityProperties;
import uk.gov.essex.mace.partnership.Partnership;

/**
 * Resolves the authentication manager for a bearer token by its issuer: the embedded server
 * (validated against its own key, no network) or one of the configured external issuers. Tokens
 * from any other issuer are refused before their signature is even looked at.
 */
final class TrustedIssuers {

    private TrustedIssuers() {}

    static JwtIssuerAuthenticationManagerResolver resolver(
            IdentityProperties properties, RSAKey hubSigningKey, Partnership partnership, ClientRevocations revocations)
            throws Exception {
        PrincipalMapper mapper = new PrincipalMapper(partnership);
        Map<String, AuthenticationManager> managers = new HashMap<>();

        String hubIssuer = properties.issuer().toString();
        NimbusJwtDecoder hubDecoder = NimbusJwtDecoder.withPublicKey(hubSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        hubDecoder.setJwtValidator(validator(hubIssuer, properties.audience()));
        JwtAuthenticationProvider hubProvider = new JwtAuthenticationProvider(new RecentTokens(hubDecoder, Clock.systemUTC()));
        hubProvider.setJwtAuthenticationConverter(jwt -> unlessRevoked(revocations, new HubAuthentication(jwt, mapper.fromHubToken(jwt))));
        managers.put(hubIssuer, hubProvider::authenticate);

        for (IdentityProperties.TrustedIssuer issuer : properties.trustedIssuers()) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                    .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(
                            SignatureAlgorithm.RS256, SignatureAlgorithm.ES256, SignatureAlgorithm.PS256)))
                    .build();
            decoder.setJwtValidator(validator(issuer.issuerUri(), issuer.audience()));
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new RecentTokens(decoder, Clock.systemUTC()));
            provider.setJwtAuthenticationConverter(
                    jwt -> unlessRevoked(revocations, new HubAuthentication(jwt, mapper.fromExternalToken(jwt, issuer))));
            managers.put(issuer.issuerUri(), provider::authenticate);
        }
        AuthenticationManagerResolver<String> byIssuer = managers::get;
        return new JwtIssuerAuthenticationManagerResolver(byIssuer);
    }

    private static HubAuthentication unlessRevoked(ClientRevocations revocations, HubAuthentication authentication) {
        if (revocations.revoked(authentication.getPrincipal().clientId())) {
            throw new RevokedClientException();
        }
        return authentication;
    }

    /**
     * Issuer, audience, validity window, and an expiry that must be present: Spring's timestamp
     * validator lets a token without {@code exp} live for ever.
     */
    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>("exp", Objects::nonNull),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
    }
}
