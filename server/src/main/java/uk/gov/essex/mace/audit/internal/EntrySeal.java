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
