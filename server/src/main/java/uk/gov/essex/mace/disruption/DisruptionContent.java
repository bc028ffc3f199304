package uk.gov.essex.mace.disruption;

import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;

/**
 * Seals and opens an update's content under the data key of its key scope. Each value is bound to
 * the scope, the update and the field, so a ciphertext moved to another update or field is refused.
 */
@Component
class DisruptionContent {

    static final String RECORD_TYPE = "disruption-update";

    private final FieldCipher cipher;
    private final ObjectMapper json;

    DisruptionContent(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** The sealed parts of a place: name, address and postcode (the district stays in the clear). */
    record SealedPlace(String premisesName, String address, String postcode) {

        @Override
        public String toString() {
            return "SealedPlace[redacted]";
        }
    }

    byte[] sealPlace(String keyScope, String id, DisruptionPlace place) {
        SealedPlace sealed = new SealedPlace(place.premisesName(), place.address(), place.postcode());
        return cipher.seal(context(keyScope, id, "place"), json.writeValueAsBytes(sealed));
    }

    DisruptionPlace openPlace(StoredDisruption d) {
        return openPlace(d.keyScope(), d.id(), d.placeSealed(), d.district());
    }

    DisruptionPlace openPlace(String keyScope, String id, byte[] placeSealed, String district) {
        SealedPlace sealed = json.readValue(cipher.open(context(keyScope, id, "place"), placeSealed), SealedPlace.class);
        return new DisruptionPlace(sealed.premisesName(), sealed.address(), sealed.postcode(), district);
    }

    byte[] sealText(String keyScope, String id, String field, String text) {
        return text == null ? null : cipher.sealText(context(keyScope, id, field), text);
    }

    String openText(StoredDisruption d, String field, byte[] sealed) {
        return sealed == null ? null : cipher.openText(context(d.keyScope(), d.id(), field), sealed);
    }

    private static FieldContext context(String keyScope, String id, String field) {
        return new FieldContext(keyScope, RECORD_TYPE, id, field, 1);
    }
}
