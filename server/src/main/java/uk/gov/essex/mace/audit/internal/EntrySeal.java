package uk.gov.essex.mace.audit.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * HMAC-SHA256 over each entry's leaf hash with a hub-held key. Signed tree heads only vouch for
 * what existed when they were signed and only say that something under them changed; the seal
 * names the exact entry that someone with write access to the database (but not the hub's
 * keystore) edited, re-hashed, inserted or appended after the last head.
 */
@Component
public class EntrySeal {

    static final String KEY_ALIAS = "audit-entry-seal";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public EntrySeal(HubKeys keys) {
        SecretKey secret = keys.secretKey(KEY_ALIAS);
        this.key = new SecretKeySpec(secret.getEncoded(), "HmacSHA256");
        newMac();
    }

    /** HMAC-SHA256(key, leafHash). */
    public byte[] seal(byte[] leafHash) {
        return macs.get().doFinal(leafHash);
    }

    /** Constant-time check of a stored seal. */
    public boolean matches(byte[] leafHash, byte[] seal) {
        return MessageDigest.isEqual(seal(leafHash), seal);
    }

    /**
     * A checker for one thread's walk over many entries. HMAC-SHA256 (RFC 2104) by hand over
     * SHA-256 states that have already absorbed the padded key, so each seal costs the two
     * compressions of its inner and outer message instead of four; nothing is allocated but the
     * copies of those states. {@code EntrySealTests} holds it to {@link Mac}.
     */
    Checker checker() {
        return new Checker(key.getEncoded());
    }

    /** Checks seals in place in the stored documents' bytes. Not thread-safe. */
    static final class Checker {

        private static final int BLOCK = 64;

        private final MessageDigest inner;
        private final MessageDigest outer;
        private final byte[] scratch = new byte[MerkleHashes.SIZE];

        private Checker(byte[] secret) {
            byte[] key = secret.length > BLOCK ? MerkleHashes.newDigest().digest(secret) : secret;
            byte[] innerPad = new byte[BLOCK];
            byte[] outerPad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte k = i < key.length ? key[i] : 0;
                innerPad[i] = (byte) (k ^ 0x36);
                outerPad[i] = (byte) (k ^ 0x5c);
            }
            inner = MerkleHashes.newDigest();
            inner.update(innerPad);
            outer = MerkleHashes.newDigest();
            outer.update(outerPad);
            java.util.Arrays.fill(innerPad, (byte) 0);
            java.util.Arrays.fill(outerPad, (byte) 0);
        }

        /** Whether {@code seal[sealAt...+32]} is HMAC-SHA256(key, leafHash[leafAt...+32]), in constant time. */
        boolean matches(byte[] leafHash, int leafAt, byte[] seal, int sealAt) {
            try {
                MessageDigest digest = (MessageDigest) inner.clone();
                digest.update(leafHash, leafAt, MerkleHashes.SIZE);
                digest.digest(scratch, 0, MerkleHashes.SIZE);
                digest = (MessageDigest) outer.clone();
                digest.update(scratch, 0, MerkleHashes.SIZE);
                digest.digest(scratch, 0, MerkleHashes.SIZE);
            } catch (CloneNotSupportedException | java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 state cannot be copied", e);
            }
            int difference = 0;
            for (int i = 0; i < MerkleHashes.SIZE; i++) {
                difference |= scratch[i] ^ seal[sealAt + i];
            }
            return difference == 0;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
