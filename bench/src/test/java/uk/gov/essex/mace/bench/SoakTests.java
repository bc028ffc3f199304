package uk.gov.essex.mace.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A bounded soak in every build: a hub in its own process, the day-in-the-life mix of the four
 * quadrants' reads, writes, chat, missing reports, disruption updates and alerts at a steady rate,
 * with practitioners watching every case feed. Nothing may fail, no delivery may be lost, nothing
 * may leak to a feed, and the heap after a full collection may not keep growing.
 *
 * <p>{@code -Dsoak.seconds=600} (with {@code -Dtest=SoakTests}) soaks for ten minutes.
 */
class SoakTests {

    @Test
    void whenTheHubRunsAMixedDayThenNothingFailsNothingIsLostNothingLeaksAndTheHeapIsStable() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 60);
        int rate = Integer.getInteger("soak.rate", 12);

        DayInTheLifeBench.Result result = DayInTheLifeBench.run(seconds, rate, 0);

        assertThat(result.errors()).as("failed operations and missing alerts").isEmpty();
        assertThat(result.leaked()).as("police-only words or source-protected items on a practitioner's feed").isZero();
        assertThat(result.lost()).as("case-feed deliveries lost").isZero();
        assertThat(result.operations()).as("the soak did its work").isGreaterThan(seconds * rate * 9 / 10);
        assertThat(result.delivered()).as("the feeds carried the day").isPositive();
        assertThat(result.heapEndKb()).as("heap after GC, end against start").isLessThan(result.heapStartKb() * 3 / 2 + 32 * 1024);
    }
}
