package uk.gov.essex.mace.crypto.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Unwrapped data keys, least recently used first out, each kept at most {@code ttl}. The size bound
 * keeps memory flat however many cases exist; the time bound is how long a key erased on another
 * instance can still be used here.
 */
final class DataKeyCache {

    private record Entry(SecretKey key, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries;

    DataKeyCache(int maxSize, Duration ttl, Clock clock) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized SecretKey get(String caseId) {
        Entry entry = entries.get(caseId);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(caseId);
            return null;
        }
        return entry.key();
    }

    synchronized void put(String caseId, SecretKey key) {
        entries.put(caseId, new Entry(key, clock.instant().plus(ttl)));
    }

    synchronized void evict(String caseId) {
        entries.remove(caseId);
    }

    synchronized int size() {
        return entries.size();
    }
}
