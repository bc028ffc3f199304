package uk.gov.essex.mace.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per name and address, and the lockouts they earn: after the threshold, each
 * further failure locks the name out from that address for twice as long as the last time, up to
 * the maximum. A success clears the record; a failure older than the memory is forgotten.
 */
final class Lockouts {

    private static final int SWEEP_ABOVE = 50_000;

    private final LimitProperties settings;
    private final Clock clock;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    Lockouts(LimitProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Milliseconds until {@code key} may try again; 0 when it is not locked out. */
    long lockedFor(String key) {
        Record record = records.get(key);
        if (record == null) {
            return 0;
        }
        return Math.max(0, record.lockedUntil - clock.millis());
    }

    /** Records a failure; returns the length of the lockout it starts, in milliseconds, or 0. */
    long failed(String key) {
        long now = clock.millis();
        if (records.size() > SWEEP_ABOVE) {
            long memory = settings.failureMemory().toMillis();
            records.values().removeIf(r -> now - r.lastFailure > memory && r.lockedUntil < now);
        }
        Record record = records.computeIfAbsent(key, k -> new Record());
        synchronized (record) {
            if (now - record.lastFailure > settings.failureMemory().toMillis()) {
                record.failures = 0;
            }
            record.failures++;
            record.lastFailure = now;
            int over = record.failures - settings.lockoutThreshold();
            if (over < 0) {
                return 0;
            }
            long lock = Math.min(settings.lockoutMax().toMillis(),
                    settings.lockoutBase().toMillis() << Math.min(over, 30));
            record.lockedUntil = now + lock;
            return lock;
        }
    }

    void succeeded(String key) {
        records.remove(key);
    }

    private static final class Record {
        int failures;
        long lastFailure;
        long lockedUntil;
    }
}
