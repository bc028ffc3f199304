package uk.gov.essex.mace.crypto;

/**
 * The lifecycle of per-case data keys beyond their creation on first seal.
 *
 * <p>Erasing a case at the end of its retention calls {@link #destroy}: rather than hunting down every
 * copy of every field, the one key that opens them is destroyed, so what remains in the database, its
 * replicas and its logs is ciphertext nobody can open (crypto-shredding).
 */
public interface CaseKeys {

    /**
     * Destroys the case's data key: its wrapped copy is replaced by a tombstone in {@code case_keys}
     * and dropped from this instance's cache. Afterwards {@link FieldCipher#open} and
     * {@link FieldCipher#seal} for the case throw {@link CaseKeyDestroyedException}. Idempotent;
     * destroying a case that never had a key leaves a tombstone so none is created later.
     *
     * <p>Other hub instances forget their cached copy within {@code hub.keys.data-key-cache-ttl}.
     */
    void destroy(String caseId);
}
