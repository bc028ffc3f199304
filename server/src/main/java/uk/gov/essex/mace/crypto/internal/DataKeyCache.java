package uk.gov.essex.mace.crypto.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.SecretKey;

/**
 * Unwrapped data keys, each kept at most {@code ttl} and at most {@code maxSize} in all (oldest first
 * out). The size bound keeps memory flat however many cases exist; the time bound is how long a key
 * erased on another instance can still be used here.
 *
 * <p>Lock-free on the hit path, which runs on every seal and open: a concurrent map for lookups and an
 * insertion-order queue for eviction. First-in-first-out rather than least-recently-used is enough
 * because the time bound makes every entry short-lived anyway.
 */
final class DataKeyCache {

    private record Entry(String caseId, SecretKey key, long expiresAtMillis) {
    }

    private final Clock clock;
    private final long ttlMillis;
    private final int maxSize;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Queue<Entry> insertionOrder = new ConcurrentLinkedQueue<>();

    DataKeyCache(int maxSize, Duration ttl, Clock clock) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
    }

    SecretKey get(String caseId) {
        Entry entry = entries.get(caseId);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            entries.remove(caseId, entry);
            return null;
        }
        return entry.key();
    }

    void put(String caseId, SecretKey key) {
        Entry entry = new Entry(caseId, key, clock.millis() + ttlMillis);
        entries.put(caseId, entry);
        insertionOrder.add(entry);
        while (entries.size() > maxSize || insertionOrder.size() > 2 * maxSize) {
            Entry oldest = insertionOrder.poll();
            if (oldest == null) {
                break;
            }
            entries.remove(oldest.caseId(), oldest); // a no-op when the case was re-cached since
        }
    }

    void evict(String caseId) {
        entries.remove(caseId);
    }

    int size() {
        return entries.size();
    }
}
