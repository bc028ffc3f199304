package uk.gov.essex.mace.cases;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the child's identifying fields of a case. INTERIM: replaced by the per-case
 * envelope encryption of the crypto feature when it lands; nothing else may depend on the format.
 */
@Component
class CaseFields {

    byte[] seal(String caseId, String field, String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    String open(String caseId, String field, byte[] sealed) {
        return new String(sealed, StandardCharsets.UTF_8);
    }

    String childIndex(String name, java.time.LocalDate dateOfBirth) {
        return null;
    }
}
