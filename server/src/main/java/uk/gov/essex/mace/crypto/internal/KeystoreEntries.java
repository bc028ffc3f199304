package uk.gov.essex.mace.crypto.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Reading and adding entries of a decoded keystore. Every entry is protected with the keystore
 * password; keys come out as JDK key classes ({@link JdkKeys}).
 */
final class KeystoreEntries {

    /** Every key in a keystore, by alias. */
    record Keys(Map<String, SecretKey> secrets, Map<String, KeyPair> pairs) {

        Keys {
            secrets = Map.copyOf(secrets);
            pairs = Map.copyOf(pairs);
        }
    }

    private KeystoreEntries() {
    }

    static Keys readAll(KeyStore store, KeystorePassword password, Path file) {
        Map<String, SecretKey> secrets = new HashMap<>();
        Map<String, KeyPair> pairs = new HashMap<>();
        char[] chars = password.chars();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, chars);
                if (key instanceof SecretKey secret) {
                    secrets.put(alias, JdkKeys.aes(secret));
                } else if (key instanceof PrivateKey privateKey) {
                    pairs.put(alias, JdkKeys.pair(store.getCertificate(alias).getPublicKey(), privateKey));
                }
            }
            return new Keys(secrets, pairs);
        } catch (GeneralSecurityException e) {
            throw new KeystoreUnavailableException("Cannot read entries of keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Generates a 256-bit AES key and stores it under {@code alias}. */
    static SecretKey addSecretKey(KeyStore store, String alias, KeystorePassword password) {
        char[] chars = password.chars();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(chars));
            return JdkKeys.aes(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create secret key " + alias, e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Generates an RSA-2048 or Ed25519 key pair and stores it under {@code alias} with a self-signed certificate. */
    static KeyPair addKeyPair(KeyStore store, String alias, String algorithm, KeystorePassword password, Clock clock) {
        char[] chars = password.chars();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (JdkKeys.RSA.equals(algorithm)) {
                generator.initialize(2048);
            }
            KeyPair generated = generator.generateKeyPair();
            Certificate certificate = SelfSignedCertificates.create(generated, alias, algorithm, clock);
            store.setKeyEntry(alias, generated.getPrivate(), chars, new Certificate[] {certificate});
            return JdkKeys.pair(generated.getPublic(), generated.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create " + algorithm + " key pair " + alias, e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
