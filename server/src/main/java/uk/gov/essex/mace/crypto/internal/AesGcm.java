package uk.gov.essex.mace.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM in the hub's compact, versioned format: {@code version (1) | nonce (12) | ciphertext |
 * tag (16)}. The version byte is also the first byte of the associated data ({@link AssociatedData}).
 *
 * <p>Provider: the JDK's SunJCE, whose AES-GCM uses the CPU's AES and carry-less multiply
 * instructions; BouncyCastle's pure-Java GCM measured several times slower (see
 * {@code FieldCipherBench}). A {@link Cipher} per thread avoids a provider lookup per call.
 *
 * <p>Nonces are 96 random bits from the platform {@link SecureRandom}. Random nonces stay safe up to
 * about 2^32 messages under one key (NIST SP 800-38D s8.3); a key here is one case's data key or a KEK,
 * far below that.
 */
final class AesGcm {

    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

    private static final Provider PROVIDER = preferredProvider();
    private static final SecureRandom NONCES = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    static byte[] seal(SecretKey key, AssociatedData associatedData, byte[] plaintext) {
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        sealed[0] = VERSION;
        byte[] nonce = new byte[NONCE_BYTES];
        NONCES.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            associatedData.feed(cipher);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Opens a value sealed by {@link #seal}.
     *
     * @throws AEADBadTagException when the value or its associated data was altered, or another key sealed it
     * @throws MalformedCiphertextException when it is too short or of an unknown version
     */
    static byte[] open(SecretKey key, AssociatedData associatedData, byte[] sealed) throws AEADBadTagException {
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new MalformedCiphertextException("too short to be a ciphertext");
        }
        if (sealed[0] != VERSION) {
            throw new MalformedCiphertextException("unknown ciphertext format version " + sealed[0]);
        }
        Cipher cipher = CIPHERS.get();
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 1, NONCE_BYTES));
            associatedData.feed(cipher);
            byte[] plaintext = new byte[sealed.length - OVERHEAD];
            cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES, plaintext, 0);
            return plaintext;
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** Which provider bulk AES-GCM runs on, for the benchmark and the logs. */
    static String providerName() {
        return PROVIDER.getName();
    }

    private static Provider preferredProvider() {
        Provider sunJce = Security.getProvider("SunJCE");
        if (sunJce != null) {
            return sunJce;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding").getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES/GCM provider", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable from " + PROVIDER.getName(), e);
        }
    }

    /** Not a ciphertext in a format this version of the hub reads. */
    static final class MalformedCiphertextException extends RuntimeException {

        MalformedCiphertextException(String message) {
            super(message);
        }
    }
}
