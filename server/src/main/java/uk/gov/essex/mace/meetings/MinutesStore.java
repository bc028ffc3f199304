package uk.gov.essex.mace.meetings;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.redaction.SegmentMarkup;

/**
 * Seals and opens the free text of meetings (per-child minutes, decision and action descriptions,
 * the coordinator's reasons for adding or removing a child) with the child's case data key, bound
 * to meeting, case and field, so a ciphertext cannot be moved to another record unnoticed, and
 * erasing a case (destroying its data key) shreds its MACE minutes too. Nothing else in
 * {@code meetings} sees the sealed format.
 */
@Component
class MinutesStore {

    static final String RECORD_TYPE = "meeting-minutes";
    /** The field of minutes stored before they had labels: one part. */
    static final String LEGACY_MINUTES = "minutes";
    static final String AGENDA_REASON = "agenda-reason";
    static final String AGENDA_REMOVED_REASON = "agenda-removed-reason";

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

    /** Seals text that may be absent ({@code null} stays {@code null}). */
    byte[] sealOptional(String meetingId, String caseId, String field, String text) {
        return text == null ? null : seal(meetingId, caseId, field, text);
    }

    String openOptional(String meetingId, String caseId, String field, byte[] sealed) {
        return sealed == null ? null : open(meetingId, caseId, field, sealed);
    }

    /** The field part {@code index} of a child's minutes is sealed under: its position and both labels. */
    static String minutesField(int index, String minutesLabel, String partLabel) {
        return "minutes-part-" + index + "|" + minutesLabel + "|" + (partLabel == null ? "" : partLabel);
    }

    List<Meeting.Part> sealMinutes(String meetingId, String caseId, String label, List<SegmentMarkup.Piece> pieces) {
        List<Meeting.Part> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            String field = minutesField(i, label, pieces.get(i).label());
            parts.add(new Meeting.Part(pieces.get(i).label(), field, seal(meetingId, caseId, field, pieces.get(i).text())));
        }
        return List.copyOf(parts);
    }

    private static FieldContext context(String meetingId, String caseId, String field) {
        return new FieldContext(caseId, RECORD_TYPE, meetingId, field, 1);
    }
}
