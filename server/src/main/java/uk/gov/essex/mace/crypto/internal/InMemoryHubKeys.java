package uk.gov.essex.mace.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.HubKeys;

/** Placeholder: keys held in memory only. The keystore-backed implementation replaces it. */
@Component
class InMemoryHubKeys implements HubKeys {

    private final Map<String, KeyPair> pairs = new ConcurrentHashMap<>();
    private final Map<String, SecretKey> secrets = new ConcurrentHashMap<>();

    @Override
    public KeyPair keyPair(String alias, String algorithm) {
        return pairs.computeIfAbsent(alias, a -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if ("RSA".equals(algorithm)) {
                    generator.initialize(2048);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public SecretKey secretKey(String alias) {
        return secrets.computeIfAbsent(alias, a -> {
            try {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256);
                return generator.generateKey();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
