package uk.gov.essex.mace.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * Validates a bearer access token outside an HTTP request (a STOMP CONNECT frame, for example)
 * with exactly the machinery of the API's resource server: the same trusted issuers, keys,
 * audience and claim mapping. No channel may accept a token the API would refuse.
 */
public interface BearerTokens {

    /**
     * Authenticates {@code token} (without the {@code Bearer } prefix).
     *
     * @throws AuthenticationException when the token is malformed, expired, from an untrusted
     *     issuer, for another audience, or names no configured agency
     */
    HubAuthentication authenticate(String token);
}
