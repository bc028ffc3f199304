package uk.gov.essex.mace.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * Signs and checks tree heads with the hub's Ed25519 key {@value #KEY_ALIAS}. The keys are
 * re-imported into the JDK provider so that whichever provider the keystore used, signing and
 * checking behave the same.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032">RFC 8032 (Ed25519)</a>
 */
@Component
public class TreeHeadSigner {

    static final String KEY_ALIAS = "audit-tree-head";
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public TreeHeadSigner(HubKeys keys) {
        KeyPair pair = keys.keyPair(KEY_ALIAS, ALGORITHM);
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
            this.publicKey = factory.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
            this.keyId = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit tree-head key is not a usable Ed25519 key", e);
        }
    }

    public SignedTreeHead sign(long treeSize, byte[] rootHash, Instant timestamp) {
        Instant millis = Instant.ofEpochMilli(timestamp.toEpochMilli());
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(SignedTreeHead.signedBytes(treeSize, rootHash, millis));
            return new SignedTreeHead(treeSize, rootHash, millis, keyId, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tree head", e);
        }
    }

    /** True when {@code head} was signed by this hub's key, unchanged. */
    public boolean verify(SignedTreeHead head) {
        if (!keyId.equals(head.keyId())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(head.signedBytes());
            return verifier.verify(head.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The 32-byte raw Ed25519 public key (the JWK {@code x}): the tail of the SPKI encoding. */
    public byte[] rawPublicKey() {
        byte[] spki = publicKey.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }
}
