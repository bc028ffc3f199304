package uk.gov.essex.mace.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Keys handed out by {@link KeystoreHubKeys} are always the JDK's own key classes, whichever provider
 * decoded them from the keystore, so callers (Nimbus JOSE for tokens, {@code Signature} for audit
 * checkpoints) see the same types before and after a restart.
 */
final class JdkKeys {

    static final String RSA = "RSA";
    static final String ED25519 = "Ed25519";

    private JdkKeys() {
    }

    static KeyPair pair(PublicKey publicKey, PrivateKey privateKey) {
        String algorithm = algorithmOf(publicKey);
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(publicKey.getEncoded())),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey.getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decode " + algorithm + " key pair", e);
        }
    }

    static SecretKey aes(SecretKey key) {
        return new SecretKeySpec(key.getEncoded(), "AES");
    }

    /** {@code "RSA"} or {@code "Ed25519"}, from the key's encoded algorithm identifier. */
    static String algorithmOf(PublicKey publicKey) {
        ASN1ObjectIdentifier oid = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return RSA;
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return ED25519;
        }
        throw new IllegalStateException("unsupported key algorithm " + oid);
    }
}
