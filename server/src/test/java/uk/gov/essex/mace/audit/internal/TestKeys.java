package uk.gov.essex.mace.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * Keys derived from a fixed seed, so that separate trail instances and child JVMs in a test all
 * hold the same keys, as hub processes sharing one keystore would.
 */
final class TestKeys implements HubKeys {

    private final long seed;

    TestKeys(long seed) {
        this.seed = seed;
    }

    TestKeys() {
        this(42);
    }

    @Override
    public KeyPair keyPair(String alias, String algorithm) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed((alias + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(255, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SecretKey secretKey(String alias) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (alias.hashCode() * 31 + seed + i);
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
