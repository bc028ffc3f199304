package uk.gov.essex.mace.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: before retry {@code n} (0-based) wait a uniformly random
 * time in {@code [0, min(max, base * 2^n))}. Full jitter spreads the retries of many partner
 * systems that failed at the same moment (a hub restart), instead of bringing them back in waves.
 *
 * @see <a href="https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">Exponential back-off and jitter</a>
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The ceiling of the wait before retry {@code retry}: {@code min(max, base * 2^retry)}. */
    public Duration ceiling(int retry) {
        long baseMillis = base.toMillis();
        int shift = Math.min(Math.max(retry, 0), 30);
        long ceiling = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
        return Duration.ofMillis(Math.min(ceiling, max.toMillis()));
    }

    /** A random wait before retry {@code retry}, in {@code [0, ceiling(retry))}. */
    public Duration delay(int retry) {
        return Duration.ofMillis((long) (ceiling(retry).toMillis() * random.getAsDouble()));
    }
}
