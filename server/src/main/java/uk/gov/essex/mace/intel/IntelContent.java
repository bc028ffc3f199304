package uk.gov.essex.mace.intel;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;
import uk.gov.essex.mace.redaction.SegmentMarkup;

/**
 * Seals and opens an item's content with its case's data key. Each value is bound to case, item,
 * field and revision, so a ciphertext moved anywhere else is refused.
 */
@Component
class IntelContent {

    static final String RECORD_TYPE = "intel-item";

    private final FieldCipher cipher;
    private final ObjectMapper json;

    IntelContent(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    List<StoredIntel.Part> sealParts(String caseId, String itemId, int revision, List<SegmentMarkup.Piece> pieces) {
        List<StoredIntel.Part> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            SegmentMarkup.Piece piece = pieces.get(i);
            parts.add(new StoredIntel.Part(piece.label(),
                    cipher.sealText(context(caseId, itemId, "part-" + i, revision), piece.text())));
        }
        return parts;
    }

    String openPart(String caseId, String itemId, int revision, int index, StoredIntel.Part part) {
        return cipher.openText(context(caseId, itemId, "part-" + index, revision), part.sealed());
    }

    byte[] sealPlace(String caseId, String itemId, int revision, Place place) {
        return place == null ? null : cipher.seal(context(caseId, itemId, "location", revision), json.writeValueAsBytes(place));
    }

    Place openPlace(String caseId, String itemId, int revision, byte[] sealed) {
        return sealed == null ? null
                : json.readValue(cipher.open(context(caseId, itemId, "location", revision), sealed), Place.class);
    }

    byte[] sealPersons(String caseId, String itemId, int revision, List<PersonOfInterest> persons) {
        return persons == null || persons.isEmpty() ? null
                : cipher.seal(context(caseId, itemId, "persons", revision), json.writeValueAsBytes(persons));
    }

    List<PersonOfInterest> openPersons(String caseId, String itemId, int revision, byte[] sealed) {
        return sealed == null ? List.of()
                : json.readValue(cipher.open(context(caseId, itemId, "persons", revision), sealed),
                        new TypeReference<List<PersonOfInterest>>() {});
    }

    byte[] sealText(String caseId, String itemId, String field, int revision, String text) {
        return text == null ? null : cipher.sealText(context(caseId, itemId, field, revision), text);
    }

    String openText(String caseId, String itemId, String field, int revision, byte[] sealed) {
        return sealed == null ? null : cipher.openText(context(caseId, itemId, field, revision), sealed);
    }

    private static FieldContext context(String caseId, String itemId, String field, int revision) {
        return new FieldContext(caseId, RECORD_TYPE, itemId, field, revision);
    }
}
