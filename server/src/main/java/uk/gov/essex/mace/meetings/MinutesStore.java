package uk.gov.essex.mace.meetings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.crypto.HubKeys;

/**
 * Seals and opens the free text of meetings (per-child minutes, decision and action descriptions)
 * with the child's case data key ({@link FieldCipher}), bound to the case, the meeting and the field,
 * so it cannot be moved to another record unnoticed and erasing the case (destroying its key) shreds
 * its MACE minutes wherever copies remain. Nothing else in {@code meetings} sees the sealed format.
 *
 * <p>Format {@value #CASE_KEY_FORMAT} is a marker byte then the field cipher's own bytes. Format
 * {@value #FORMAT}, written before case keys were used here (one hub key, {@value #KEY_ALIAS}, AES-GCM
 * with meeting, case and field as associated data), is still opened.
 */
@Component
class MinutesStore {

    static final String KEY_ALIAS = "meetings-minutes";
    static final String RECORD_TYPE = "meeting";
    private static final byte FORMAT = 1;
    private static final byte CASE_KEY_FORMAT = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final HubKeys keys;
    private final FieldCipher cipher;

    MinutesStore(HubKeys keys, FieldCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    byte[] seal(String meetingId, String caseId, String field, String text) {
        byte[] sealed = cipher.sealText(new FieldContext(caseId, RECORD_TYPE, meetingId, field, 1), text);
        return ByteBuffer.allocate(1 + sealed.length).put(CASE_KEY_FORMAT).put(sealed).array();
    }

    String open(String meetingId, String caseId, String field, byte[] sealed) {
        if (sealed.length > 0 && sealed[0] == CASE_KEY_FORMAT) {
            byte[] body = Arrays.copyOfRange(sealed, 1, sealed.length);
            return cipher.openText(new FieldContext(caseId, RECORD_TYPE, meetingId, field, 1), body);
        }
        return openHubKeyFormat(meetingId, caseId, field, sealed);
    }

    /** Format 1: sealed before case keys were used here. */
    private String openHubKeyFormat(String meetingId, String caseId, String field, byte[] sealed) {
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
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        aes.updateAAD((meetingId + "|" + caseId + "|" + field).getBytes(StandardCharsets.UTF_8));
        return aes;
    }
}
