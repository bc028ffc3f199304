package uk.gov.essex.mace.identity.internal;

import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A short stable code for why a bearer token was refused, for the audit trail: an auditor looking
 * for forged or replayed tokens needs more than {@code invalid_token}. Built from the exception's
 * type and Spring Security's and Nimbus's fixed messages; never from the token.
 */
final class FailureReasons {

    private FailureReasons() {}

    static String classify(AuthenticationException failure) {
        if (failure instanceof RevokedClientException) {
            return "client-revoked";
        }
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return "missing-token";
        }
        String text = (String.valueOf(oauth.getError().getDescription()) + " " + failure.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("serializ") || text.contains("delimiter") || text.contains("missing part") || text.contains("malformed")) {
            return "malformed";
        }
        if (text.contains("unsupported algorithm")) {
            return "unsupported-algorithm";
        }
        if (text.contains("expired")) {
            return "expired";
        }
        if (text.contains("nbf") || text.contains("not before") || text.contains("before")) {
            return "not-yet-valid";
        }
        if (text.contains("invalid issuer") || text.contains("iss claim") || text.contains("issuer")) {
            return "untrusted-issuer";
        }
        if (text.contains("aud")) {
            return "wrong-audience";
        }
        if (text.contains("exp claim")) {
            return "no-expiry";
        }
        if (text.contains("signature") || text.contains("no matching key") || text.contains("another algorithm")
                || text.contains("algorithm")) {
            return "bad-signature";
        }
        if (text.contains("parse") || text.contains("decode")) {
            return "malformed";
        }
        if (failure instanceof InvalidBearerTokenException) {
            return "invalid-token";
        }
        return oauth.getError().getErrorCode();
    }
}
