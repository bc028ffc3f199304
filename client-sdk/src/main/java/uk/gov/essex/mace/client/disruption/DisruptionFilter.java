package uk.gov.essex.mace.client.disruption;

import java.time.LocalDate;
import uk.gov.essex.mace.client.cases.Quadrant;

/**
 * Narrows a listing of disruption updates; every field is optional. With neither quadrant nor
 * district, the hub lists the quadrants the caller covers. A district must lie in the quadrant
 * when both are given.
 *
 * @param quadrant only updates about places in this quadrant
 * @param district only updates about places in this Essex district
 * @param type only updates of this type
 * @param from only disruptions on or after this date
 * @param to only disruptions on or before this date
 */
public record DisruptionFilter(Quadrant quadrant, String district, DisruptionType type, LocalDate from, LocalDate to) {

    /** No filter: every update in the quadrants the caller covers. */
    public static final DisruptionFilter ALL = new DisruptionFilter(null, null, null, null, null);

    /** This filter, for one quadrant. */
    public DisruptionFilter withQuadrant(Quadrant quadrant) {
        return new DisruptionFilter(quadrant, district, type, from, to);
    }

    /** This filter, for one district. */
    public DisruptionFilter withDistrict(String district) {
        return new DisruptionFilter(quadrant, district, type, from, to);
    }

    /** This filter, for one type. */
    public DisruptionFilter withType(DisruptionType type) {
        return new DisruptionFilter(quadrant, district, type, from, to);
    }

    /** This filter, for disruptions dated from {@code from} to {@code to} inclusive (either may be null). */
    public DisruptionFilter between(LocalDate from, LocalDate to) {
        return new DisruptionFilter(quadrant, district, type, from, to);
    }
}
