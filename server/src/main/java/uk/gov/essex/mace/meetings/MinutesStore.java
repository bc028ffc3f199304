package uk.gov.essex.mace.meetings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * Seals and opens the free text of meetings (per-child minutes, decision and action descriptions)
 * with AES-256-GCM, binding each ciphertext to its meeting, case and field as associated data so
 * it cannot be moved to another record unnoticed.
 *
 * <p>TODO(crypto): switch to {@code crypto.FieldCipher} with the case's own data key when it lands,
 * so that erasing a case also shreds its MACE minutes. This class is the only place to change:
 * nothing else in {@code meetings} sees the sealed format. Until then one hub key
 * ({@value #KEY_ALIAS}) from {@link HubKeys} is used.
 */
@Component
class MinutesStore {

    static final String KEY_ALIAS = "meetings-minutes";
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final HubKeys keys;
    private final SecureRandom random = new SecureRandom();

    MinutesStore(HubKeys keys) {
        this.keys = keys;
    }

    byte[] seal(String meetingId, String caseId, String field, String text) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, meetingId, caseId, field);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal meeting text", e);
        }
    }

    String open(String meetingId, String caseId, String field, byte[] sealed) {
        try {
            ByteBuffer in = ByteBuffer.wrap(sealed);
            if (in.get() != FORMAT) {
                throw new IllegalStateException("unknown sealed format");
            }
            byte[] iv = new byte[IV_BYTES];
            in.get(iv);
            byte[] body = new byte[in.remaining()];
            in.get(body);
            return new String(cipher(Cipher.DECRYPT_MODE, iv, meetingId, caseId, field).doFinal(body),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open meeting text", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String meetingId, String caseId, String field)
            throws GeneralSecurityException {
        SecretKey key = keys.secretKey(KEY_ALIAS);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((meetingId + "|" + caseId + "|" + field).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
