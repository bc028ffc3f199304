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
 * to meeting, case, field and (for minutes) revision, so a ciphertext cannot be moved to another
 * record or revision unnoticed, and erasing a case (destroying its data key) shreds its MACE minutes,
 * every revision of them, too. Nothing else in {@code meetings} sees the sealed format.
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
        return cipher.sealText(context(meetingId, caseId, field, 1), text);
    }

    String open(String meetingId, String caseId, String field, byte[] sealed) {
        return cipher.openText(context(meetingId, caseId, field, 1), sealed);
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

    /**
     * Seals one revision of a child's minutes, part by part. Revision 1 is sealed exactly as minutes
     * were before they kept revisions, so those still open.
     */
    List<Meeting.Part> sealMinutes(String meetingId, String caseId, int revision, String label,
            List<SegmentMarkup.Piece> pieces) {
        List<Meeting.Part> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            String field = minutesField(i, label, pieces.get(i).label());
            parts.add(new Meeting.Part(pieces.get(i).label(), field,
                    cipher.sealText(context(meetingId, caseId, field, revision), pieces.get(i).text())));
        }
        return List.copyOf(parts);
    }

    String openMinutes(String meetingId, Meeting.Minutes minutes, Meeting.Part part) {
        return cipher.openText(context(meetingId, minutes.caseId(), part.field(), minutes.revision()), part.sealed());
    }

    private static FieldContext context(String meetingId, String caseId, String field, long revision) {
        return new FieldContext(caseId, RECORD_TYPE, meetingId, field, revision);
    }
}
