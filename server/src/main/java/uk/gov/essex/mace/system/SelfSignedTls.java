package uk.gov.essex.mace.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes (once) and keeps the hub's self-signed TLS certificate: an EC P-256 key, a certificate for
 * the configured host names and addresses, built with BouncyCastle, in a PKCS#12 file readable by
 * the hub's user only. The file is made again when its certificate nears expiry or the names change.
 */
final class SelfSignedTls {

    static final String ALIAS = "hub-tls";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the key and certificate are and how to open them. */
    record Keystore(Path file, String password) {
        @Override
        public String toString() {
            return "Keystore[" + file + ", password=[REDACTED]]";
        }
    }

    private SelfSignedTls() {}

    static Keystore ensure(Path file, List<String> hostnames, Duration validity, Clock clock) {
        Path passwordFile = file.resolveSibling(file.getFileName() + ".password");
        try {
            if (Files.exists(file) && Files.exists(passwordFile) && Files.exists(certificateFile(file))) {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
                X509Certificate existing = certificate(file, password);
                if (existing != null && stillGood(existing, hostnames, validity, clock)) {
                    return new Keystore(file, password);
                }
            }
            return create(file, passwordFile, hostnames, validity, clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the TLS keystore " + file, e);
        }
    }

    private static Keystore create(Path file, Path passwordFile, List<String> hostnames, Duration validity, Clock clock)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = sign(pair, hostnames, validity, clock);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        Path temp = ownerOnly(file.resolveSibling(file.getFileName() + ".tmp"));
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, password.toCharArray());
        }
        Path passwordTemp = ownerOnly(passwordFile.resolveSibling(passwordFile.getFileName() + ".tmp"));
        Files.writeString(passwordTemp, password, StandardCharsets.UTF_8);
        Files.move(passwordTemp, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // The certificate alone (public), for clients to trust: curl --cacert, a browser's import.
        Files.writeString(certificateFile(file), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return new Keystore(file, password);
    }

    /** {@code tls.p12} -> {@code tls-cert.pem} beside it. */
    static Path certificateFile(Path keystore) {
        String name = keystore.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return keystore.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-cert.pem");
    }

    static X509Certificate sign(KeyPair pair, List<String> hostnames, Duration validity, Clock clock) {
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MACE Hub (self-signed, demo)")
                .addRDN(BCStyle.CN, hostnames.get(0)).build();
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostnames) {
            names.add(isAddress(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host));
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the TLS certificate", e);
        }
    }

    /** The certificate in {@code file}, or null when it cannot be read (it is then made again). */
    static X509Certificate certificate(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(ALIAS);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static boolean stillGood(X509Certificate certificate, List<String> hostnames, Duration validity, Clock clock)
            throws GeneralSecurityException {
        Instant renewAfter = certificate.getNotAfter().toInstant().minus(validity.dividedBy(10));
        if (clock.instant().isAfter(renewAfter)) {
            return false;
        }
        Set<String> present = new HashSet<>();
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        if (sans != null) {
            for (List<?> san : sans) {
                present.add(normalise(String.valueOf(san.get(1))));
            }
        }
        Set<String> wanted = new HashSet<>();
        hostnames.forEach(h -> wanted.add(normalise(h)));
        return present.equals(wanted);
    }

    private static String normalise(String host) {
        if (isAddress(host)) {
            try {
                return InetAddress.getByName(host).getHostAddress();
            } catch (IOException e) {
                return host;
            }
        }
        return host.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isAddress(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Path dir = file.toAbsolutePath().getParent();
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }
}
