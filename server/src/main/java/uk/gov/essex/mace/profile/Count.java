package uk.gov.essex.mace.profile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * A published count: a plain number, or withheld as "fewer than 5". The true value of a suppressed
 * count stays inside the profile package; every output (JSON, CSV, PDF) goes through {@link #json}
 * or {@link #display}, which never show it.
 */
public final class Count {

    /** What a suppressed count is shown as in CSV and PDF. */
    public static final String FEWER_THAN_5 = "<5";

    private final long value;
    private boolean suppressed;

    private Count(long value, boolean suppressed) {
        this.value = value;
        this.suppressed = suppressed;
    }

    /** A count of people or records, subject to suppression once registered with {@link Suppression}. */
    static Count of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative");
        }
        return new Count(value, false);
    }

    /** The change from {@code previous} to {@code current}: withheld when either is. */
    static Count change(Count current, Count previous) {
        return new Count(current.value - previous.value, current.suppressed || previous.suppressed);
    }

    long value() {
        return value;
    }

    boolean suppressed() {
        return suppressed;
    }

    void suppress() {
        suppressed = true;
    }

    /** The JSON form: the number, or {@code {"suppressed": true}}. */
    @JsonValue
    Object json() {
        return suppressed ? Map.of("suppressed", true) : value;
    }

    /** The text form for CSV and PDF: the number, or {@value #FEWER_THAN_5}. */
    String display() {
        return suppressed ? FEWER_THAN_5 : Long.toString(value);
    }

    /** The text form of a change: {@code +3}, {@code -2}, {@code 0}, or {@code suppressed}. */
    String displayChange() {
        if (suppressed) {
            return "suppressed";
        }
        return value > 0 ? "+" + value : Long.toString(value);
    }

    @Override
    public String toString() {
        return display();
    }
}
