package uk.gov.essex.mace.crypto.internal;

import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;
import uk.gov.essex.mace.crypto.FieldCipher;
import uk.gov.essex.mace.crypto.FieldContext;

/**
 * {@link FieldCipher} by envelope encryption: AES-256-GCM under the case's data key from
 * {@link CaseDataKeys}, with the whole {@link FieldContext} as associated data.
 */
@Component
public final class EnvelopeFieldCipher implements FieldCipher {

    private static final String PURPOSE = "mace-hub/field";

    private final CaseDataKeys keys;

    public EnvelopeFieldCipher(CaseDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public byte[] seal(FieldContext context, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return AesGcm.seal(keys.forSealing(context.caseId()), associatedData(context), plaintext);
    }

    @Override
    public byte[] open(FieldContext context, byte[] sealed) {
        try {
            return AesGcm.open(keys.forOpening(context.caseId()), associatedData(context), sealed);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException("value at " + describe(context)
                    + " was altered or belongs to another case, record, field or revision", e);
        } catch (AesGcm.MalformedCiphertextException e) {
            throw new CiphertextRejectedException("value at " + describe(context) + " is not a ciphertext: " + e.getMessage(), e);
        }
    }

    private static AssociatedData associatedData(FieldContext context) {
        return new AssociatedData(PURPOSE)
                .add(context.caseId())
                .add(context.recordType())
                .add(context.recordId())
                .add(context.field())
                .add(context.revision());
    }

    private static String describe(FieldContext context) {
        // Ids only: a rejection is logged and audited, and must carry no case content.
        return "case " + context.caseId() + ", " + context.recordType() + " " + context.recordId()
                + ", field " + context.field() + ", revision " + context.revision();
    }
}
