package uk.gov.essex.mace.crypto.internal;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;

/**
 * Wraps a case data key under a KEK with AES-256-GCM, binding the case id and KEK version as
 * associated data. AES-KW (RFC 3394) would also do, but binds nothing: a wrapped key copied onto
 * another case's document would unwrap without complaint. Under GCM it is refused.
 */
@Component
public final class DataKeyWrapper {

    private static final String PURPOSE = "mace-hub/case-data-key";

    private final KeyEncryptionKeys keks;

    public DataKeyWrapper(KeyEncryptionKeys keks) {
        this.keks = keks;
    }

    byte[] wrap(KeyEncryptionKeys.Kek kek, String caseId, SecretKey dataKey) {
        return AesGcm.seal(kek.key(), associatedData(caseId, kek.version()), dataKey.getEncoded());
    }

    /**
     * @throws CiphertextRejectedException when the wrapped key was altered or belongs to another case
     * @throws KeystoreUnavailableException when its KEK version is no longer in the keystore
     */
    SecretKey unwrap(String caseId, int kekVersion, byte[] wrappedKey) {
        KeyEncryptionKeys.Kek kek = keks.version(kekVersion);
        byte[] raw = null;
        try {
            raw = AesGcm.open(kek.key(), associatedData(caseId, kekVersion), wrappedKey);
            return new SecretKeySpec(raw, "AES");
        } catch (AEADBadTagException | AesGcm.MalformedCiphertextException e) {
            throw new CiphertextRejectedException("wrapped data key of case " + caseId + " failed its integrity check", e);
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    KeyEncryptionKeys.Kek currentKek() {
        return keks.current();
    }

    private static AssociatedData associatedData(String caseId, int kekVersion) {
        return new AssociatedData(PURPOSE).add(caseId).add(kekVersion);
    }
}
