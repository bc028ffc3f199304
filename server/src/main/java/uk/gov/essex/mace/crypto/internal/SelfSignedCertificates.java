package uk.gov.essex.mace.crypto.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A keystore holds a private key only together with a certificate chain, so each generated key pair
 * gets a self-signed certificate. It is a container, not a credential: nothing verifies it, so it is
 * long-lived and its subject simply names the alias.
 */
final class SelfSignedCertificates {

    private static final Duration VALIDITY = Duration.ofDays(365L * 50);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificates() {
    }

    static X509Certificate create(KeyPair pair, String alias, String algorithm, Clock clock) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "MACE Hub")
                .addRDN(BCStyle.CN, alias)
                .build();
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)),
                subject,
                pair.getPublic());
        String signatureAlgorithm = "RSA".equals(algorithm) ? "SHA256withRSA" : algorithm;
        try {
            // Signed with the JDK's own provider: the keys are JDK keys, BouncyCastle only encodes.
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create certificate for key " + alias, e);
        }
    }
}
