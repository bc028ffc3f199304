package uk.gov.essex.mace.crypto.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;

/**
 * Stops start-up when the keystore is not the one the database's data keys were wrapped with: a
 * mistyped {@code hub.keys.keystore}, a fresh keystore created beside an existing database, or a
 * keystore restored from the wrong backup. Without this the hub would start, fail on every existing
 * case, and wrap new cases under keys that belong to the wrong keystore.
 *
 * <p>For each KEK version the database uses, it unwraps a few sample data keys; one success proves the
 * keystore holds that version's key material.
 */
@Component
class KeystoreMatchesDatabase implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeystoreMatchesDatabase.class);
    private static final int SAMPLES = 3;

    private final CaseKeyStore store;
    private final DataKeyWrapper wrapper;
    private final KeystoreHubKeys keystore;

    KeystoreMatchesDatabase(CaseKeyStore store, DataKeyWrapper wrapper, KeystoreHubKeys keystore) {
        this.store = store;
        this.wrapper = wrapper;
        this.keystore = keystore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        verify();
    }

    /** @throws KeystoreUnavailableException when some KEK version in use cannot unwrap any of its sampled keys */
    void verify() {
        for (int version : store.kekVersionsInUse()) {
            RuntimeException failure = null;
            boolean opened = false;
            for (CaseKeyStore.CaseKeyDocument sample : store.sampleWrappedUnder(version, SAMPLES)) {
                try {
                    wrapper.unwrap(sample.caseId(), version, sample.wrappedKey());
                    opened = true;
                    break;
                } catch (CiphertextRejectedException | KeystoreUnavailableException e) {
                    failure = e;
                    log.warn("Sample data key of case {} did not unwrap under kek-v{}: {}", sample.caseId(), version, e.getMessage());
                }
            }
            if (!opened && failure != null) {
                throw new KeystoreUnavailableException("Keystore " + keystore.path() + " cannot unwrap the data keys the database"
                        + " holds under kek-v" + version + ": it is not this hub's keystore (check hub.keys.keystore) or was"
                        + " restored from the wrong backup. Start the hub with the keystore that belongs to this database.",
                        failure);
            }
        }
    }
}
