package uk.gov.essex.mace.audit.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal: percentage, count and entries per second, redrawn at
 * most five times a second. Uses {@link System#nanoTime()} because it measures a rate, not a
 * time of day.
 */
final class ProgressBar implements AuditVerifier.Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void reached(long done, long total) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS && done < total) {
            return;
        }
        lastDrawn = now;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        out.printf(Locale.ROOT, "\r[%s%s] %5.1f%%  %,d / ~%,d entries  %,.0f entries/s ",
                "#".repeat(filled), "-".repeat(WIDTH - filled), fraction * 100, done, total, done / seconds);
        out.flush();
    }

    void finish() {
        out.println();
    }
}
