package uk.gov.essex.mace.identity.internal;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** A token, otherwise valid, of a client that an administrator (or configuration) has revoked. */
final class RevokedClientException extends OAuth2AuthenticationException {

    RevokedClientException() {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "the client that obtained this token is revoked", null));
    }
}
