package uk.gov.essex.mace.client.internal;

import java.time.Duration;

/** Waits between attempts; tests replace it so back-off is checked without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
