package uk.gov.essex.mace.intel;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Where intelligence was observed, for the hotspots of the MACE Part 2 profile: places only, opened
 * on the server for aggregation and never returned to a viewer from here. Items withdrawn by their
 * author, and items under a label that withholds even their existence (source protection), are
 * left out: such an item may not even be counted.
 */
public interface IntelLocations {

    /** Streams the place of every active item of {@code caseIds} observed in {@code [from, to)} that has one. */
    void forEach(Collection<String> caseIds, Instant from, Instant to, Consumer<ObservedPlace> consumer);

    /**
     * One observed place.
     *
     * @param observedAt when the observation was made
     * @param placeName the place's name, or {@code null}
     * @param postcode its postcode as entered, or {@code null}
     * @param district its district as entered, or {@code null}
     */
    record ObservedPlace(Instant observedAt, String placeName, String postcode, String district) {

        @Override
        public String toString() {
            return "ObservedPlace[redacted]";
        }
    }
}
