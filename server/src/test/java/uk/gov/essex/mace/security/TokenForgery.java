package uk.gov.essex.mace.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Forges access tokens for attacks: from a real token's claims, re-signed with the hub's own key
 * (to test claim checks in isolation), a stranger's key, the public key as an HMAC secret, or not
 * at all. The hub's private key is only ever used here, in the test's own process.
 */
final class TokenForgery {

    private final String realToken;
    private final RSAKey hubKey;
    private final RSAKey strangerKey;

    TokenForgery(String realToken, RSAKey hubKey) {
        this.realToken = realToken;
        this.hubKey = hubKey;
        try {
            this.strangerKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String real() {
        return realToken;
    }

    JWTClaimsSet realClaims() {
        try {
            return SignedJWT.parse(realToken).getJWTClaimsSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real claims, changed by {@code change}, signed RS256 with the hub's key and kid. */
    String signedByHub(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(new JWTClaimsSet.Builder(realClaims())).build(), hubKey, hubKey.getKeyID(), null);
    }

    /** The real claims signed by a key the hub has never seen, under a kid it does not know. */
    String signedByStranger(URI jku) {
        return sign(realClaims(), strangerKey, strangerKey.getKeyID(), jku);
    }

    /** The real claims signed by {@code key} under its own kid, naming {@code jku} as where to find it. */
    String signedWith(RSAKey key, URI jku) {
        return sign(realClaims(), key, key.getKeyID(), jku);
    }

    /** Unsigned: {@code alg: none}, real claims, empty signature. */
    String algNone() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(realClaims().toString().getBytes(StandardCharsets.UTF_8)).toString();
        return header + "." + payload + ".";
    }

    /** Key confusion: HS256 over the real claims with the hub's RSA public key (DER or PEM) as the secret. */
    String hmacWithPublicKey(boolean pem) {
        try {
            byte[] der = hubKey.toRSAPublicKey().getEncoded();
            byte[] secret = pem
                    ? ("-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII)
                    : der;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(hubKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), realClaims());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real signature over a payload with one claim changed (roles widened to ADMIN). */
    String tampered() {
        String[] parts = realToken.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(realClaims()).claim("roles", List.of("ADMIN")).build();
        String payload = Base64URL.encode(changed.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** The real header and payload with the signature cut off. */
    String signatureStripped() {
        String[] parts = realToken.split("\\.");
        return parts[0] + "." + parts[1] + ".";
    }

    static JWTClaimsSet.Builder expiredAt(JWTClaimsSet.Builder b, Instant at) {
        return b.expirationTime(Date.from(at)).issueTime(Date.from(at.minusSeconds(900))).notBeforeTime(Date.from(at.minusSeconds(900)));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key, String kid, URI jku) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT);
            if (jku != null) {
                header.jwkURL(jku);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
