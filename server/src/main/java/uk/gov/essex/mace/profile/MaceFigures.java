package uk.gov.essex.mace.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.alerts.MaceStanding;
import uk.gov.essex.mace.cases.CaseOutline;
import uk.gov.essex.mace.cases.ExploitationType;
import uk.gov.essex.mace.partnership.Quadrant;

/**
 * Children on MACE from the cases' standings against the criteria. A standing holds the case's
 * latest entry into the criteria and its latest leaving, so:
 *
 * <ul>
 *   <li>on MACE in a period: entered before the period ended, and still in the criteria or left
 *       on or after the period started;
 *   <li>new to MACE: entered during the period;
 *   <li>stepped down: left during the period and not in the criteria now.
 * </ul>
 *
 * An earlier stay that ended before the latest entry is not known to the standing, so a case that
 * entered, left and entered again counts by its latest entry only.
 */
final class MaceFigures {

    private final Map<ExploitationType, long[]> byType = new EnumMap<>(ExploitationType.class);
    private final Map<Quadrant, long[]> byQuadrant = new EnumMap<>(Quadrant.class);
    private final long[] previous = new long[3];

    private MaceFigures(List<Quadrant> quadrants) {
        for (ExploitationType t : ExploitationType.values()) {
            byType.put(t, new long[3]);
        }
        quadrants.forEach(q -> byQuadrant.put(q, new long[3]));
    }

    static MaceFigures of(ProfileData data, ProfilePeriod period, List<Quadrant> quadrants) {
        MaceFigures figures = new MaceFigures(quadrants);
        for (MaceStanding s : data.standings()) {
            CaseOutline c = data.cases().get(s.caseId());
            if (c == null) {
                continue;
            }
            long[] now = measures(s, period.start(), period.end());
            long[] before = measures(s, period.previousStart(), period.start());
            long[] type = figures.byType.get(c.exploitationType());
            long[] quadrant = figures.byQuadrant.getOrDefault(c.quadrant(), new long[3]);
            for (int i = 0; i < 3; i++) {
                type[i] += now[i];
                quadrant[i] += now[i];
                figures.previous[i] += before[i];
            }
        }
        return figures;
    }

    /** On MACE, new, stepped down in {@code [start, end)}: each 0 or 1. */
    static long[] measures(MaceStanding s, Instant start, Instant end) {
        Instant entered = s.enteredAt();
        Instant left = s.inCriteria() ? null : s.leftAt();
        boolean on = entered != null && entered.isBefore(end) && (left == null || !left.isBefore(start));
        boolean isNew = entered != null && !entered.isBefore(start) && entered.isBefore(end);
        boolean steppedDown = left != null && !left.isBefore(start) && left.isBefore(end);
        return new long[] {on ? 1 : 0, isNew ? 1 : 0, steppedDown ? 1 : 0};
    }

    /** The registered counts. */
    record Cells(List<ProfileResponse.MaceRow> rows, ProfileResponse.MaceRow total, Count previousOnMace,
            Count previousNew, Count previousSteppedDown, Map<Quadrant, List<Count>> byQuadrant) {}

    Cells register(Suppression suppression) {
        List<ProfileResponse.MaceRow> rows = new ArrayList<>();
        List<List<Count>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        byType.forEach((type, c) -> {
            Count on = Count.of(c[0]);
            Count nw = Count.of(c[1]);
            Count st = Count.of(c[2]);
            columns.get(0).add(on);
            columns.get(1).add(nw);
            columns.get(2).add(st);
            rows.add(new ProfileResponse.MaceRow(type.name(), on, nw, st));
        });
        Count[] totals = new Count[3];
        for (int i = 0; i < 3; i++) {
            totals[i] = Count.of(columns.get(i).stream().mapToLong(Count::value).sum());
            suppression.group(totals[i], columns.get(i));
        }
        Map<Quadrant, List<Count>> quadrants = new EnumMap<>(Quadrant.class);
        byQuadrant.forEach((q, c) -> quadrants.put(q, List.of(Count.of(c[0]), Count.of(c[1]), Count.of(c[2]))));
        if (quadrants.size() > 1) {
            for (int i = 0; i < 3; i++) {
                int measure = i;
                suppression.group(totals[i], quadrants.values().stream().map(l -> l.get(measure)).toList());
            }
        }
        return new Cells(List.copyOf(rows), new ProfileResponse.MaceRow("TOTAL", totals[0], totals[1], totals[2]),
                suppression.add(Count.of(previous[0])), suppression.add(Count.of(previous[1])),
                suppression.add(Count.of(previous[2])), quadrants);
    }
}
