package uk.gov.essex.mace.audit.web;

import java.util.Base64;
import java.util.Map;
import uk.gov.essex.mace.audit.internal.TreeHeadSigner;

/**
 * The tree-head signing key, as PEM (SubjectPublicKeyInfo) and as a JWK (RFC 8037 OKP), with its
 * key id (base64 SHA-256 of the SubjectPublicKeyInfo, as in every signed head).
 */
record PublicKeyResponse(String algorithm, String keyId, String pem, Map<String, String> jwk) {

    static PublicKeyResponse of(TreeHeadSigner signer) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(signer.publicKey().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        Map<String, String> jwk = Map.of(
                "kty", "OKP",
                "crv", "Ed25519",
                "use", "sig",
                "kid", signer.keyId(),
                "x", Base64.getUrlEncoder().withoutPadding().encodeToString(signer.rawPublicKey()));
        return new PublicKeyResponse("Ed25519", signer.keyId(), pem, jwk);
    }
}
