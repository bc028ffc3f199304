package uk.gov.essex.mace.bench;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Times when this JVM did not run a thread that was ready to: a meter thread sleeps 1 ms at a time
 * and records each wake-up more than {@link #THRESHOLD_NANOS} late as {@code [due, woke]} in
 * {@link System#nanoTime()} terms (the same clock the benchmark times deliveries with). A stall is
 * a collector pause, another stop-the-world safepoint, or the meter thread getting no CPU on a busy
 * machine; a delivery in flight when one began waited for it too (hub and clients share the
 * JVM). The collectors' own notifications were not used for this: their start times, checked
 * against such a meter, were up to ten milliseconds off.
 */
final class Stalls {

    static final long THRESHOLD_NANOS = 5_000_000;
    private static final long SLEEP_NANOS = 1_000_000;
    private final Queue<long[]> stalls = new ConcurrentLinkedQueue<>();

    private Stalls() {
    }

    static Stalls meter() {
        Stalls meter = new Stalls();
        Thread thread = new Thread(() -> {
            while (true) {
                long before = System.nanoTime();
                LockSupport.parkNanos(SLEEP_NANOS);
                long woke = System.nanoTime();
                if (woke - before - SLEEP_NANOS > THRESHOLD_NANOS) {
                    meter.stalls.add(new long[] {before + SLEEP_NANOS, woke});
                }
            }
        }, "bench-stall-meter");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
        return meter;
    }

    /** The stalls that began in {@code [from, to]}. */
    List<long[]> between(long from, long to) {
        return stalls.stream().filter(s -> s[0] >= from && s[0] <= to).toList();
    }

    /**
     * One line: the phase's stalls (count, total, longest), and how many of the deliveries at or
     * above {@code tailNanos} (the p99) and of all deliveries were in flight when one began.
     */
    static String attribution(List<long[]> spans, List<long[]> stalls, long tailNanos) {
        long total = 0;
        long longest = 0;
        for (long[] s : stalls) {
            total += s[1] - s[0];
            longest = Math.max(longest, s[1] - s[0]);
        }
        int tail = 0;
        int tailStalled = 0;
        int stalled = 0;
        for (long[] span : spans) {
            boolean hit = false;
            for (long[] s : stalls) {
                // in flight when the stall began; not those started in it or after it (the meter
                // can wake well after a pause ends, and the load generator's catch-up burst
                // starts right after it)
                if (s[0] > span[0] && s[0] < span[1]) {
                    hit = true;
                    break;
                }
            }
            stalled += hit ? 1 : 0;
            if (span[1] - span[0] >= tailNanos) {
                tail++;
                tailStalled += hit ? 1 : 0;
            }
        }
        return String.format("JVM stalls over %d ms (collector pauses, safepoints, no CPU): %d, %,d ms in all, longest %d ms; "
                        + "one began while %d of the %d deliveries at or above p99 were in flight (%.0f%%), and %.1f%% of all deliveries",
                THRESHOLD_NANOS / 1_000_000, stalls.size(), total / 1_000_000, longest / 1_000_000, tailStalled, tail,
                tail == 0 ? 0 : 100.0 * tailStalled / tail, spans.isEmpty() ? 0 : 100.0 * stalled / spans.size());
    }
}
