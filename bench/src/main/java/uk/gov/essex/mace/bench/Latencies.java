package uk.gov.essex.mace.bench;

import java.util.List;

/** Quantiles of latencies measured in nanoseconds. */
final class Latencies {

    private Latencies() {
    }

    /** The {@code quantile} (0 to 1) of {@code sortedNanos} in milliseconds (nearest rank); 0 when there is none. */
    static double millisAt(List<Long> sortedNanos, double quantile) {
        return nanosAt(sortedNanos, quantile) / 1e6;
    }

    /** The {@code quantile} (0 to 1) of {@code sortedNanos} in nanoseconds (nearest rank); 0 when there is none. */
    static long nanosAt(List<Long> sortedNanos, double quantile) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = Math.max(0, (int) Math.ceil(quantile * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.min(sortedNanos.size() - 1, rank));
    }
}
