package uk.gov.essex.mace.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The minutes of the discussion of one child. Recorded again, they are a correction: a new revision
 * that the meeting shows from then on, while every earlier revision is kept, sealed and under the
 * same label, for those entitled to the minutes ({@code GET .../minutes/revisions}) and the audit.
 *
 * @param text the minutes; parts may be marked {@code [[label-id:restricted text]]} with a label at
 *     least as strict as the minutes', exactly as in an intelligence item
 * @param label the minutes' handling label; when absent, {@code all-members} (every reader of the
 *     case) for the first minutes and the first minutes' label for a correction, which may not
 *     name another (409 {@code minutes-label-fixed})
 */
public record MinutesRequest(@NotBlank @Size(max = 20_000) String text, @Size(max = 64) String label) {

    @Override
    public String toString() {
        return "MinutesRequest[" + text.length() + " chars, label=" + label + "]";
    }
}
