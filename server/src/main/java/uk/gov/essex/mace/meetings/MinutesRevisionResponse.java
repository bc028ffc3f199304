package uk.gov.essex.mace.meetings;

import java.time.Instant;
import java.util.List;
import uk.gov.essex.mace.redaction.TextPart;

/**
 * One revision of a child's minutes at a meeting, as a viewer entitled to the minutes reads it
 * (restricted segments they may not see shown as placeholders, exactly as in the meeting).
 *
 * @param revision 1 for the minutes first recorded, one more for each correction
 * @param current whether this is the revision the meeting shows
 * @param label the minutes' handling label (the same for every revision)
 * @param minutes the text as the viewer may read it, withheld segments shown in brackets
 * @param minutesParts the text split into readable parts and placeholders
 * @param recordingAgency the recorder's agency
 * @param recordedBy who recorded this revision
 * @param recordedAt when
 */
public record MinutesRevisionResponse(
        int revision,
        boolean current,
        String label,
        String minutes,
        List<TextPart> minutesParts,
        String recordingAgency,
        String recordedBy,
        Instant recordedAt) {

    @Override
    public String toString() {
        return "MinutesRevisionResponse[" + revision + ", " + label + "]";
    }
}
