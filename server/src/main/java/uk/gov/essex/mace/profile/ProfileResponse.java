package uk.gov.essex.mace.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * The MACE Part 2 local problem profile of a quadrant (or of the county). Aggregates only: no
 * child's name, date of birth or case id, and places by name only. Every count is a number or
 * {@code {"suppressed": true}} ("fewer than 5", see {@link #suppressionRule}).
 *
 * @param scope the quadrant, or {@code COUNTY}
 * @param quadrants the quadrants it covers
 * @param period the period covered
 * @param previousPeriod the period of equal length before it, for trends
 * @param headline the main figures with their change against the previous period
 * @param mace children on MACE during the period, new to MACE and stepped down, by exploitation type
 * @param missingEpisodes missing episodes started, by month
 * @param indicators exploitation indicators recorded, by indicator
 * @param disruptionUpdates disruption updates, by month
 * @param disruptionsByType disruption updates by type
 * @param disruptionsByDistrict disruption updates by district
 * @param hotspots the places mentioned most often, most first
 * @param byQuadrant the county view only: the main figures of each quadrant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileResponse(
        String scope,
        List<Quadrant> quadrants,
        Period period,
        Period previousPeriod,
        Instant generatedAt,
        String suppressionRule,
        List<Trend> headline,
        Mace mace,
        Series missingEpisodes,
        Breakdown indicators,
        Series disruptionUpdates,
        Breakdown disruptionsByType,
        Breakdown disruptionsByDistrict,
        List<Hotspot> hotspots,
        List<QuadrantRow> byQuadrant) {

    /** The rule, as shown on every output. */
    public static final String SUPPRESSION_RULE = "Counts from 1 to 4 are shown as fewer than 5 (<5). Where a count in"
            + " a table with a total is withheld, at least one more is withheld (the next smallest), so that no"
            + " withheld count can be found by subtracting the others from the total; changes involving a withheld"
            + " count are withheld too.";

    /** A period, both days included. */
    public record Period(LocalDate from, LocalDate to) {}

    /** A figure now, in the previous period, and the change. */
    public record Trend(String key, String label, Count current, Count previous, Count change) {}

    /** Children on MACE by exploitation type, with the total. */
    public record Mace(List<MaceRow> byType, MaceRow total) {}

    /**
     * One exploitation type.
     *
     * @param onMace children meeting the MACE criteria at some time in the period
     * @param newToMace children who entered the criteria in the period
     * @param steppedDown children who left the criteria in the period
     */
    public record MaceRow(String exploitationType, Count onMace, Count newToMace, Count steppedDown) {}

    /** A monthly series for the period and the previous period, each with its total. */
    public record Series(List<Point> current, Count total, List<Point> previous, Count previousTotal) {}

    /** One month of a series. */
    public record Point(String month, Count count) {}

    /** Counts by some key, now and in the previous period, with totals. */
    public record Breakdown(List<Row> rows, Row total) {}

    /** One row of a breakdown. */
    public record Row(String key, String label, Count current, Count previous, Count change) {}

    /**
     * A place mentioned often: by name only.
     *
     * @param intelligence mentions as the location of intelligence
     * @param missingFound mentions as where a missing child was found
     * @param disruption mentions as the place of a disruption update
     * @param previousTotal mentions in the previous period
     */
    public record Hotspot(int rank, String place, String district, Count total, Count intelligence, Count missingFound,
            Count disruption, Count previousTotal, Count change) {}

    /** The main figures of one quadrant, in the county view. */
    public record QuadrantRow(String quadrant, Count onMace, Count newToMace, Count steppedDown, Count missingEpisodes,
            Count disruptionUpdates) {}
}
