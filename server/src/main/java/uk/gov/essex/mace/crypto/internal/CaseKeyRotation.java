package uk.gov.essex.mace.crypto.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.crypto.KeyRotation;

/**
 * {@link KeyRotation} over {@code case_keys}: pages through the data keys wrapped under older KEK
 * versions in case-id order and swaps each wrapped key with a compare-and-set, so a key destroyed or
 * re-wrapped by someone else meanwhile is left alone and counted as skipped.
 */
@Component
public final class CaseKeyRotation implements KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(CaseKeyRotation.class);
    private static final int PAGE = 500;

    private final CaseKeyStore store;
    private final DataKeyWrapper wrapper;
    private final KeyEncryptionKeys keks;
    private final Clock clock;

    public CaseKeyRotation(CaseKeyStore store, DataKeyWrapper wrapper, KeyEncryptionKeys keks, Clock clock) {
        this.store = store;
        this.wrapper = wrapper;
        this.keks = keks;
        this.clock = clock;
    }

    @Override
    public Rotation rotate() {
        KeyEncryptionKeys.Kek next = keks.createNext();
        log.info("Created key-encryption key {}; re-wrapping data keys", KeyEncryptionKeys.alias(next.version()));
        long rewrapped = 0;
        long skipped = 0;
        long failed = 0;
        String after = null;
        List<CaseKeyStore.CaseKeyDocument> page;
        do {
            page = store.wrappedBelow(next.version(), after, PAGE);
            for (CaseKeyStore.CaseKeyDocument document : page) {
                after = document.caseId();
                try {
                    SecretKey dataKey = wrapper.unwrap(document.caseId(), document.kekVersion(), document.wrappedKey());
                    byte[] wrapped = wrapper.wrap(next, document.caseId(), dataKey);
                    if (store.rewrap(document.caseId(), document.kekVersion(), next.version(), wrapped, clock.instant())) {
                        rewrapped++;
                    } else {
                        skipped++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.error("Cannot re-wrap the data key of case {} (kek-v{}): {}", document.caseId(), document.kekVersion(), e.getMessage());
                }
            }
        } while (page.size() == PAGE);
        return new Rotation(next.version(), rewrapped, skipped, failed);
    }

    @Override
    public Retirement retireUnusedKeks() {
        int current = keks.current().version();
        List<Integer> retired = new ArrayList<>();
        List<Integer> stillInUse = new ArrayList<>();
        for (int version : keks.versions()) {
            if (version >= current) {
                continue;
            }
            if (store.countWrappedUnder(version) == 0) {
                keks.retire(version);
                retired.add(version);
            } else {
                stillInUse.add(version);
            }
        }
        return new Retirement(retired, stillInUse);
    }
}
