package uk.gov.essex.mace.meetings;

import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;

/**
 * Seals and opens the free text of meetings (per-child minutes, decision and action descriptions)
 * with the child's case data key, bound to meeting, case and field, so a ciphertext cannot be moved
 * to another record unnoticed, and erasing a case (destroying its data key) shreds its MACE
 * minutes too. Nothing else in {@code meetings} sees the sealed format.
 */
@Component
class MinutesStore {

    static final String RECORD_TYPE = "meeting-minutes";

    private final FieldCipher cipher;

    MinutesStore(FieldCipher cipher) {
        this.cipher = cipher;
    }

    byte[] seal(String meetingId, String caseId, String field, String text) {
        return cipher.sealText(context(meetingId, caseId, field), text);
    }

    String open(String meetingId, String caseId, String field, byte[] sealed) {
        return cipher.openText(context(meetingId, caseId, field), sealed);
    }

    private static FieldContext context(String meetingId, String caseId, String field) {
        return new FieldContext(caseId, RECORD_TYPE, meetingId, field, 1);
    }
}
