package uk.gov.essex.mace.disruption;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Consumer;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * Disruption updates in outline, for the MACE Part 2 profile: what was done, where and when. The
 * place's name and postcode are opened on the server for aggregation only. Updates under a label
 * that withholds even their existence (source protection) are left out: they may not be counted.
 */
public interface DisruptionActivity {

    /** Streams the updates about places in {@code quadrants} dated within {@code [from, to]} (inclusive). */
    void forEach(Collection<Quadrant> quadrants, LocalDate from, LocalDate to, Consumer<Activity> consumer);

    /**
     * One update in outline.
     *
     * @param type what was done
     * @param district the place's district
     * @param quadrant the district's quadrant
     * @param date when
     * @param premisesName the place's name
     * @param postcode its postcode, or {@code null}
     */
    record Activity(DisruptionType type, String district, Quadrant quadrant, LocalDate date, String premisesName,
            String postcode) {

        @Override
        public String toString() {
            return "Activity[" + type + ", " + district + ", " + date + "]";
        }
    }
}
