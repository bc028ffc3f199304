package uk.gov.essex.mace.crypto;

import java.util.List;

/**
 * Rotation of the key-encryption keys (KEKs) that wrap the per-case data keys. Rotating creates the
 * next KEK version and re-wraps every data key under it; field ciphertext is not touched, because the
 * data keys themselves do not change. Old KEK versions stay in the keystore until
 * {@link #retireUnusedKeks} removes those no data key is wrapped under any more.
 *
 * <p>Operators run both through {@code scripts/rotate-keys}; see {@code security/KEY-MANAGEMENT.md}.
 */
public interface KeyRotation {

    /** Creates KEK version {@code n+1} and re-wraps every live data key under it. */
    Rotation rotate();

    /**
     * Deletes from the keystore every KEK version older than the current one that no data key is
     * wrapped under. Database backups whose data keys are wrapped only under a retired version can no
     * longer be read, which is how erasure reaches old backups.
     */
    Retirement retireUnusedKeks();

    /**
     * @param kekVersion the KEK version every data key is now wrapped under
     * @param rewrapped data keys re-wrapped by this run
     * @param skipped data keys changed by someone else during the run (destroyed, or already re-wrapped)
     * @param failed data keys that could not be unwrapped (their case ids are logged)
     */
    record Rotation(int kekVersion, long rewrapped, long skipped, long failed) {
    }

    /**
     * @param retired KEK versions deleted from the keystore
     * @param stillInUse older KEK versions kept because data keys are still wrapped under them
     */
    record Retirement(List<Integer> retired, List<Integer> stillInUse) {

        public Retirement {
            retired = List.copyOf(retired);
            stillInUse = List.copyOf(stillInUse);
        }
    }
}
