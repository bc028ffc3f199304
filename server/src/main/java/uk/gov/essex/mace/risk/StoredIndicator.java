package uk.gov.essex.mace.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One exploitation indicator as recorded, under a handling label like an intelligence item. The
 * source note is the only free text; it is kept as sealed parts (the plain text and each restricted
 * segment separately), so a part a viewer may not see is never even decrypted for them.
 *
 * @param label the handling label of the whole indicator (its type, date, note and recorder)
 * @param sourceNote the sealed parts of the source note, in order
 */
record StoredIndicator(
        String id,
        ExploitationIndicator indicator,
        LocalDate observedOn,
        String label,
        List<NotePart> sourceNote,
        String recordedBy,
        String recordedByAgency,
        Instant recordedAt) {

    StoredIndicator {
        sourceNote = List.copyOf(sourceNote);
    }

    /**
     * One sealed part of the source note.
     *
     * @param label {@code null} for text under the indicator's own label, else a stricter segment label
     * @param field the field it is sealed under (bound into the ciphertext; derived from the part's
     *     position and labels when read, never taken from the database)
     * @param sealed the ciphertext
     */
    record NotePart(String label, String field, byte[] sealed) {

        @Override
        public String toString() {
            return "NotePart[" + field + "]";
        }
    }
}
