package uk.gov.essex.mace.client.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The hub's tree-head signing key. Fetch it once, check it out of band (its {@code keyId} against
 * what the hub's operators publish), and keep it: verifying heads against a key fetched from the
 * same hub each time proves little.
 *
 * @param algorithm {@code Ed25519}
 * @param keyId base64 SHA-256 of the SubjectPublicKeyInfo
 * @param pem the key as PEM (SubjectPublicKeyInfo)
 * @param jwk the key as an RFC 8037 OKP JWK
 */
public record AuditPublicKey(String algorithm, String keyId, String pem, Map<String, String> jwk) {

    public AuditPublicKey {
        jwk = jwk == null ? Map.of() : Map.copyOf(jwk);
    }

    /** The key as a JDK {@link PublicKey} (Ed25519, RFC 8032, built into Java 15+). */
    public PublicKey toPublicKey() {
        return fromPem(pem);
    }

    /** Reads an Ed25519 SubjectPublicKeyInfo PEM. */
    public static PublicKey fromPem(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM form", e);
        }
    }
}
