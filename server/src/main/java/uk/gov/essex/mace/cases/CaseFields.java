package uk.gov.essex.mace.cases;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.BlindIndex;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;

/**
 * Seals and opens the child's identifying fields with the case's own data key, bound to the case
 * and field; and computes the keyed blind index that finds an existing case for a child without
 * storing name or date of birth in the clear.
 */
@Component
class CaseFields {

    static final String RECORD_TYPE = "case";

    private final FieldCipher cipher;
    private final BlindIndex blindIndex;

    CaseFields(FieldCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    byte[] seal(String caseId, String field, String value) {
        return cipher.sealText(new FieldContext(caseId, RECORD_TYPE, caseId, field, 1), value);
    }

    String open(String caseId, String field, byte[] sealed) {
        return cipher.openText(new FieldContext(caseId, RECORD_TYPE, caseId, field, 1), sealed);
    }

    String childIndex(String name, LocalDate dateOfBirth) {
        return blindIndex.child(name, dateOfBirth);
    }
}
