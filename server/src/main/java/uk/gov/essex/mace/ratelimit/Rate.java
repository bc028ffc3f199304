package uk.gov.essex.mace.ratelimit;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * So many requests per period, written {@code 120/1m} in configuration: a token bucket that holds
 * {@code requests} and refills them evenly over {@code per}, so a burst up to the whole allowance is
 * accepted and a steady caller is held to the average.
 *
 * @param requests how many requests the allowance holds
 * @param per the period over which it refills
 */
public record Rate(int requests, Duration per) {

    public Rate {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate allows at least one request");
        }
        if (per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate's period must be positive");
        }
    }

    /** Parses {@code 120/1m}, {@code 5/10s}, {@code 1000/PT1H}. */
    public static Rate parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a rate is written requests/period, e.g. 120/1m, not '" + text + "'");
        }
        return new Rate(Integer.parseInt(text.substring(0, slash).trim()),
                DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return requests + "/" + per;
    }
}
