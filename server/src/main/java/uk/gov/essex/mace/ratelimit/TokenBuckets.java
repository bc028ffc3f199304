package uk.gov.essex.mace.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key for one {@link Rate}, in memory (each instance limits what it serves).
 * Idle buckets are dropped once there are many, so a flood of distinct keys cannot exhaust memory.
 */
final class TokenBuckets {

    private static final int SWEEP_ABOVE = 50_000;

    private final Rate rate;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(Rate rate, Clock clock) {
        this.rate = rate;
        this.clock = clock;
    }

    /**
     * Takes one request from {@code key}'s allowance: 0 if allowed, else the milliseconds until one
     * is available again.
     */
    long take(String key) {
        long now = clock.millis();
        if (buckets.size() > SWEEP_ABOVE) {
            long idle = rate.per().toMillis();
            buckets.values().removeIf(b -> now - b.touched > idle);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(rate.requests(), now)).take(now, rate);
    }

    /** True once for each run of refusals of {@code key}: the moment to audit it. */
    boolean firstRefusal(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.firstRefusal();
    }

    private static final class Bucket {
        private double tokens;
        private long touched;
        private boolean refusing;
        private boolean reported;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.touched = now;
        }

        synchronized long take(long now, Rate rate) {
            double perMilli = (double) rate.requests() / rate.per().toMillis();
            tokens = Math.min(rate.requests(), tokens + Math.max(0, now - touched) * perMilli);
            touched = now;
            if (tokens >= 1) {
                tokens -= 1;
                refusing = false;
                reported = false;
                return 0;
            }
            refusing = true;
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized boolean firstRefusal() {
            if (refusing && !reported) {
                reported = true;
                return true;
            }
            return false;
        }
    }
}
