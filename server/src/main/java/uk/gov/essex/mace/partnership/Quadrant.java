package uk.gov.essex.mace.partnership;

import java.util.Locale;
import java.util.Optional;

/** The four Essex MACE quadrants; each holds its own monthly Part 1 and quarterly Part 2 meetings. */
public enum Quadrant {
    MID,
    NORTH,
    SOUTH,
    WEST;

    /** Parses a quadrant name case-insensitively; empty for anything else. */
    public static Optional<Quadrant> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
