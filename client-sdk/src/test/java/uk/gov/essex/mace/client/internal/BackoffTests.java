package uk.gov.essex.mace.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void ceilingWhenRetriesGrowThenDoublesUpToMax() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);
        assertThat(b.ceiling(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.ceiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.ceiling(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(200)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delayWhenRandomAtEdgesThenFullJitterRange() {
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0).delay(3)).isZero();
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999).delay(3))
                .isEqualTo(Duration.ofMillis(799));
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.25).delay(2))
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void delayWhenRealRandomThenAlwaysBelowCeiling() {
        Backoff b = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        for (int retry = 0; retry < 10; retry++) {
            for (int i = 0; i < 200; i++) {
                assertThat(b.delay(retry)).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(b.ceiling(retry));
            }
        }
    }

    @Test
    void constructorWhenMaxBelowBaseThenRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
