package uk.gov.essex.mace.risk;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.redaction.SegmentMarkup;

/**
 * Seals and opens the parts of an indicator's source note with the case's data key, each bound to
 * case, indicator, part and the labels it is stored under, so a ciphertext moved to another record
 * or part, or a label changed in the database, is refused rather than opened.
 */
@Component
class IndicatorContent {

    /** The field of a source note stored before notes had restricted segments: one part. */
    static final String LEGACY_FIELD = "sourceNote";

    private final FieldCipher cipher;

    IndicatorContent(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The field part {@code index} of a note is sealed under: its position and both labels. */
    static String field(int index, String indicatorLabel, String partLabel) {
        return "sourceNote-part-" + index + "|" + indicatorLabel + "|" + (partLabel == null ? "" : partLabel);
    }

    List<StoredIndicator.NotePart> seal(String caseId, String indicatorId, String label, List<SegmentMarkup.Piece> pieces) {
        List<StoredIndicator.NotePart> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            String field = field(i, label, pieces.get(i).label());
            parts.add(new StoredIndicator.NotePart(pieces.get(i).label(), field,
                    cipher.sealText(context(caseId, indicatorId, field), pieces.get(i).text())));
        }
        return List.copyOf(parts);
    }

    String open(String caseId, String indicatorId, StoredIndicator.NotePart part) {
        return cipher.openText(context(caseId, indicatorId, part.field()), part.sealed());
    }

    private static FieldContext context(String caseId, String indicatorId, String field) {
        return new FieldContext(caseId, CaseRiskDocuments.INDICATOR, indicatorId, field, 1);
    }
}
