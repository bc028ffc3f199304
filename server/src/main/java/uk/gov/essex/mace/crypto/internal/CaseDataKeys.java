package uk.gov.essex.mace.crypto.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.CaseKeyDestroyedException;
import uk.gov.essex.mace.crypto.CaseKeys;
import uk.gov.essex.mace.crypto.CiphertextRejectedException;

/**
 * Each case's random 256-bit data key: created on the first seal, stored wrapped in
 * {@code case_keys}, cached unwrapped, destroyed when the case is erased.
 *
 * <p>Creation is race-safe across threads and hub instances: every creator inserts under
 * {@code _id = caseId}; the database's unique {@code _id} lets exactly one win, and the others read
 * back and use the winner's key. Loading and destroying a given case are serialised within an instance
 * (lock striping), so a load that raced a destroy cannot put the destroyed key back in the cache.
 */
@Component
public final class CaseDataKeys implements CaseKeys {

    private static final int STRIPES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseKeyStore store;
    private final DataKeyWrapper wrapper;
    private final DataKeyCache cache;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];

    public CaseDataKeys(CaseKeyStore store, DataKeyWrapper wrapper, KeysProperties properties, Clock clock) {
        this.store = store;
        this.wrapper = wrapper;
        this.cache = new DataKeyCache(properties.dataKeyCacheSize(), properties.dataKeyCacheTtl(), clock);
        this.clock = clock;
        Arrays.setAll(stripes, i -> new Object());
    }

    /**
     * The case's data key, created if it has none. Internal to crypto (public only for the benchmark).
     *
     * @throws CaseKeyDestroyedException when the case was erased
     */
    public SecretKey forSealing(String caseId) {
        SecretKey key = cache.get(caseId);
        return key != null ? key : load(caseId, true);
    }

    /**
     * The case's existing data key.
     *
     * @throws CaseKeyDestroyedException when the case was erased
     * @throws CiphertextRejectedException when the case never had a key, or its wrapped key fails its check
     */
    SecretKey forOpening(String caseId) {
        SecretKey key = cache.get(caseId);
        return key != null ? key : load(caseId, false);
    }

    @Override
    public void destroy(String caseId) {
        synchronized (stripe(caseId)) {
            store.tombstone(caseId, clock.instant());
            cache.evict(caseId);
        }
    }

    private SecretKey load(String caseId, boolean create) {
        synchronized (stripe(caseId)) {
            SecretKey cached = cache.get(caseId);
            if (cached != null) {
                return cached;
            }
            Optional<CaseKeyStore.CaseKeyDocument> found = store.find(caseId);
            SecretKey key;
            if (found.isPresent()) {
                key = unwrap(found.get());
            } else if (create) {
                key = createOrAdopt(caseId);
            } else {
                throw new CiphertextRejectedException("case " + caseId + " has no data key, so nothing was sealed for it");
            }
            cache.put(caseId, key);
            return key;
        }
    }

    private SecretKey createOrAdopt(String caseId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        SecretKey key = new SecretKeySpec(raw, "AES");
        Arrays.fill(raw, (byte) 0);
        KeyEncryptionKeys.Kek kek = wrapper.currentKek();
        if (store.insert(caseId, kek.version(), wrapper.wrap(kek, caseId, key), clock.instant())) {
            return key;
        }
        // Another instance created (or destroyed) the case's key first: theirs is the one.
        return unwrap(store.find(caseId).orElseThrow(() ->
                new IllegalStateException("case_keys entry of case " + caseId + " vanished during creation")));
    }

    private SecretKey unwrap(CaseKeyStore.CaseKeyDocument document) {
        if (document.destroyed()) {
            throw new CaseKeyDestroyedException(document.caseId());
        }
        return wrapper.unwrap(document.caseId(), document.kekVersion(), document.wrappedKey());
    }

    private Object stripe(String caseId) {
        return stripes[Math.floorMod(caseId.hashCode(), STRIPES)];
    }
}
