package uk.gov.essex.mace.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub's own live-feed timers ({@code hub.live.feed.delivery} and its stages, what an operator
 * reads at {@code /actuator/prometheus}) over one benchmark phase: how many deliveries, their mean,
 * and the histogram bucket that holds their p99 (so "p99 <= x ms", at the buckets' resolution).
 * These run inside the hub, from the announcement of a change to its last send, so they leave out
 * the HTTP write before and the network and client after; beside the end-to-end figures they say
 * which stage the tail is in. The difference of two snapshots is the phase's only because the
 * hub's registry is Prometheus's, whose histograms and totals are cumulative (never decayed).
 * Since the seventh round the line also has the stages of storing each shared item
 * ({@code hub.intel.share.stage}: sealing, sequence, storing, auditing), which come before the
 * announcement, so the end-to-end tail can be placed in the write path too.
 * The embedded store's locked compaction steps ({@code hub.storage.compaction}) are on the same
 * line: commits, and so the auditing stage, wait behind each; so are its runs of page moves beside
 * writes ({@code hub.storage.page-moves}), which writers wait for only through the commits that
 * carry them. So are its group commits ({@code hub.storage.commit}), which every durable write,
 * the auditing stages' among them, waits for.
 */
final class FeedStages {

    private static final List<String> STAGES = List.of("waiting", "preparing", "auditing", "sending");
    /** The stages of storing a shared item ({@code hub.intel.share.stage}), before its delivery begins. */
    private static final List<String> SHARE_STAGES = List.of("sealing", "sequence", "storing", "auditing");
    /** The embedded store's compaction steps ({@code hub.storage.compaction}): commits wait behind each. */
    private static final String COMPACTION = "store compaction steps";
    /** Its runs of page moves beside writes ({@code hub.storage.page-moves}). */
    private static final String MOVES = "store page moves";
    /** Its group commits ({@code hub.storage.commit}), which the auditing stages wait for. */
    private static final String COMMITS = "store commits";
    private final MeterRegistry meters;

    FeedStages(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The timers as they are now; {@link Mark#since} reports the phase after it. */
    Mark mark() {
        return new Mark(snapshots());
    }

    private Map<String, HistogramSnapshot> snapshots() {
        Map<String, HistogramSnapshot> all = new LinkedHashMap<>();
        Timer delivery = meters.find("hub.live.feed.delivery").timer();
        if (delivery != null) {
            all.put("delivery", delivery.takeSnapshot());
        }
        for (String stage : STAGES) {
            Timer timer = meters.find("hub.live.feed.stage").tag("stage", stage).timer();
            if (timer != null) {
                all.put(stage, timer.takeSnapshot());
            }
        }
        for (String stage : SHARE_STAGES) {
            Timer timer = meters.find("hub.intel.share.stage").tag("stage", stage).timer();
            if (timer != null) {
                all.put("share " + stage, timer.takeSnapshot());
            }
        }
        Timer compaction = meters.find("hub.storage.compaction").timer();
        if (compaction != null) {
            all.put(COMPACTION, compaction.takeSnapshot());
        }
        Timer commits = meters.find("hub.storage.commit").timer();
        if (commits != null) {
            all.put(COMMITS, commits.takeSnapshot());
        }
        Timer moves = meters.find("hub.storage.page-moves").timer();
        if (moves != null) {
            all.put(MOVES, moves.takeSnapshot());
        }
        return all;
    }

    final class Mark {
        private final Map<String, HistogramSnapshot> before;

        private final double movedBefore;

        private Mark(Map<String, HistogramSnapshot> before) {
            this.before = before;
            var moved = meters.find("hub.storage.page-moves.bytes").summary();
            this.movedBefore = moved == null ? 0 : moved.totalAmount();
        }

        /** One line for the phase since the mark; empty when the hub delivered nothing meanwhile. */
        String since() {
            List<String> parts = new ArrayList<>();
            long deliveries = 0;
            for (Map.Entry<String, HistogramSnapshot> now : snapshots().entrySet()) {
                HistogramSnapshot then = before.get(now.getKey());
                if (then == null) {
                    continue;
                }
                long count = now.getValue().count() - then.count();
                if (now.getKey().equals("delivery")) {
                    deliveries = count;
                }
                if (count <= 0) {
                    continue;
                }
                double mean = (now.getValue().total(TimeUnit.MILLISECONDS) - then.total(TimeUnit.MILLISECONDS)) / count;
                String name = now.getKey().equals(COMPACTION) || now.getKey().equals(MOVES) || now.getKey().equals(COMMITS)
                        ? now.getKey() + " (n=" + count + ")" : now.getKey();
                parts.add(String.format("%s mean %.1f, p99 <= %s ms", name, mean, p99(then, now.getValue(), count)));
            }
            var moved = meters.find("hub.storage.page-moves.bytes").summary();
            if (moved != null) {
                parts.add(String.format("%.1f MB of pages moved", (moved.totalAmount() - movedBefore) / 1e6));
            }
            return deliveries <= 0 ? "" : "hub's feed timers (n=" + deliveries + "): " + String.join("; ", parts);
        }

        /** The upper bound of the first bucket holding 99% of the phase's values. */
        private static String p99(HistogramSnapshot then, HistogramSnapshot now, long count) {
            CountAtBucket[] a = then.histogramCounts();
            CountAtBucket[] b = now.histogramCounts();
            for (int i = 0; i < b.length && i < a.length; i++) {
                if (b[i].count() - a[i].count() >= 0.99 * count) {
                    return String.format("%.1f", b[i].bucket(TimeUnit.MILLISECONDS));
                }
            }
            return String.format("%.0f (above the last bucket)", b.length == 0 ? 0 : b[b.length - 1].bucket(TimeUnit.MILLISECONDS));
        }
    }
}
