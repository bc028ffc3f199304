package uk.gov.essex.mace.profile;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.essex.mace.cases.CaseOutline;
import uk.gov.essex.mace.disruption.DisruptionActivity;
import uk.gov.essex.mace.disruption.DisruptionType;
import uk.gov.essex.mace.intel.IntelLocations;
import uk.gov.essex.mace.partnership.District;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.risk.ExploitationIndicator;
import uk.gov.essex.mace.risk.RiskActivity;

/**
 * Computes a profile from its gathered facts: a pure function (no store, no clock), so every
 * figure and the suppression can be tested directly. Every count is registered with one
 * {@link Suppression} before any is published; changes are worked out after it has been applied.
 */
final class ProfileCalculator {

    private final ProfileScope scope;
    private final ProfilePeriod period;
    private final ProfileData data;
    private final Suppression suppression = new Suppression();
    private final Hotspots places = new Hotspots();
    /** The same place is typed the same way many times: normalise each spelling once. */
    private final Map<List<String>, Optional<PlaceNames.Place>> spellings = new HashMap<>();

    ProfileCalculator(ProfileScope scope, ProfilePeriod period, ProfileData data) {
        this.scope = scope;
        this.period = period;
        this.data = data;
    }

    ProfileResponse compute(Instant generatedAt) {
        MaceFigures mace = MaceFigures.of(data, period, scope.quadrants());
        Tally<YearMonth> missing = new Tally<>(period.months());
        Tally<YearMonth> missingBefore = new Tally<>(period.previousMonths());
        Tally<Quadrant> missingByQuadrant = new Tally<>(scope.quadrants());
        Tally<ExploitationIndicator> indicators = new Tally<>(List.of(ExploitationIndicator.values()));
        countRisk(missing, missingBefore, missingByQuadrant, indicators);
        Tally<DisruptionType> types = new Tally<>(List.of(DisruptionType.values()));
        Tally<String> districts = new Tally<>(scope.districts().stream().map(District::name).toList());
        Tally<YearMonth> disruptionMonths = new Tally<>(period.months());
        Tally<YearMonth> disruptionMonthsBefore = new Tally<>(period.previousMonths());
        Tally<Quadrant> disruptionsByQuadrant = new Tally<>(scope.quadrants());
        countDisruptions(types, districts, disruptionMonths, disruptionMonthsBefore, disruptionsByQuadrant);
        countIntelligence();

        // Every count is registered before suppression is applied; totals shared by several tables are one Count.
        MaceFigures.Cells maceCells = mace.register(suppression);
        Count missingTotal = Count.of(missing.total(false));
        Count missingTotalBefore = Count.of(missingBefore.total(false));
        Map<YearMonth, Count> missingMonths = missing.group(suppression, missingTotal, false);
        Map<YearMonth, Count> missingMonthsBefore = missingBefore.group(suppression, missingTotalBefore, false);
        Count indicatorTotal = Count.of(indicators.total(false));
        Count indicatorTotalBefore = Count.of(indicators.total(true));
        Map<ExploitationIndicator, Count> indicatorsNow = indicators.group(suppression, indicatorTotal, false);
        Map<ExploitationIndicator, Count> indicatorsBefore = indicators.group(suppression, indicatorTotalBefore, true);
        Count disruptionTotal = Count.of(types.total(false));
        Count disruptionTotalBefore = Count.of(types.total(true));
        Map<DisruptionType, Count> typesNow = types.group(suppression, disruptionTotal, false);
        Map<DisruptionType, Count> typesBefore = types.group(suppression, disruptionTotalBefore, true);
        Map<String, Count> districtsNow = districts.group(suppression, disruptionTotal, false);
        Map<String, Count> districtsBefore = districts.group(suppression, disruptionTotalBefore, true);
        Map<YearMonth, Count> disruptionMonthsNow = disruptionMonths.group(suppression, disruptionTotal, false);
        Map<YearMonth, Count> disruptionMonthsPrevious = disruptionMonthsBefore.group(suppression, disruptionTotalBefore, false);
        List<HotspotCells> hotspots = places.ranked().stream().map(this::register).toList();
        Map<Quadrant, Count> missingQ = null;
        Map<Quadrant, Count> disruptionQ = null;
        if (scope.county()) {
            missingQ = missingByQuadrant.group(suppression, missingTotal, false);
            disruptionQ = disruptionsByQuadrant.group(suppression, disruptionTotal, false);
        }
        suppression.apply();

        List<ProfileResponse.Trend> headline = List.of(
                ProfileTables.trend("childrenOnMace", "Children on MACE", maceCells.total().onMace(),
                        maceCells.previousOnMace()),
                ProfileTables.trend("newToMace", "New to MACE", maceCells.total().newToMace(), maceCells.previousNew()),
                ProfileTables.trend("steppedDown", "Stepped down from MACE", maceCells.total().steppedDown(),
                        maceCells.previousSteppedDown()),
                ProfileTables.trend("missingEpisodes", "Missing episodes", missingTotal, missingTotalBefore),
                ProfileTables.trend("indicatorsRecorded", "Exploitation indicators recorded", indicatorTotal,
                        indicatorTotalBefore),
                ProfileTables.trend("disruptionUpdates", "Disruption updates", disruptionTotal, disruptionTotalBefore));
        return new ProfileResponse(scope.name(), scope.quadrants(),
                new ProfileResponse.Period(period.from(), period.to()),
                new ProfileResponse.Period(period.previousFrom(), period.previousTo()),
                generatedAt, ProfileResponse.SUPPRESSION_RULE, headline,
                new ProfileResponse.Mace(maceCells.rows(), maceCells.total()),
                ProfileTables.series(missingMonths, missingTotal, missingMonthsBefore, missingTotalBefore),
                ProfileTables.breakdown(indicatorsNow, indicatorsBefore, indicatorTotal, indicatorTotalBefore,
                        "All indicators"),
                ProfileTables.series(disruptionMonthsNow, disruptionTotal, disruptionMonthsPrevious, disruptionTotalBefore),
                ProfileTables.breakdown(typesNow, typesBefore, disruptionTotal, disruptionTotalBefore, "All types"),
                ProfileTables.breakdown(districtsNow, districtsBefore, disruptionTotal, disruptionTotalBefore,
                        "All districts"),
                rank(hotspots), scope.county() ? byQuadrant(maceCells, missingQ, disruptionQ) : null);
    }

    private List<ProfileResponse.QuadrantRow> byQuadrant(MaceFigures.Cells mace, Map<Quadrant, Count> missing,
            Map<Quadrant, Count> disruptions) {
        return scope.quadrants().stream().map(q -> new ProfileResponse.QuadrantRow(q.name(),
                mace.byQuadrant().get(q).get(0), mace.byQuadrant().get(q).get(1), mace.byQuadrant().get(q).get(2),
                missing.get(q), disruptions.get(q))).toList();
    }

    private void countRisk(Tally<YearMonth> missing, Tally<YearMonth> missingBefore, Tally<Quadrant> byQuadrant,
            Tally<ExploitationIndicator> indicators) {
        for (RiskActivity activity : data.risk()) {
            Quadrant quadrant = Optional.ofNullable(data.cases().get(activity.caseId())).map(CaseOutline::quadrant).orElse(null);
            for (RiskActivity.Episode episode : activity.episodes()) {
                ProfilePeriod.Slot slot = period.slot(episode.startedAt());
                if (slot == ProfilePeriod.Slot.NEITHER) {
                    continue;
                }
                YearMonth month = YearMonth.from(episode.startedAt().atZone(ProfilePeriod.LONDON));
                if (slot == ProfilePeriod.Slot.CURRENT) {
                    missing.add(month, false);
                    byQuadrant.add(quadrant, false);
                } else {
                    missingBefore.add(month, false);
                }
                boolean previous = slot == ProfilePeriod.Slot.PREVIOUS;
                spellings.computeIfAbsent(Collections.singletonList(episode.whereFound()),
                                k -> PlaceNames.fromText(episode.whereFound()))
                        .ifPresent(p -> places.add(p, null, Hotspots.Source.MISSING_FOUND, previous));
            }
            for (RiskActivity.Indicator indicator : activity.indicators()) {
                ProfilePeriod.Slot slot = period.slot(indicator.observedOn());
                if (slot != ProfilePeriod.Slot.NEITHER) {
                    indicators.add(indicator.indicator(), slot == ProfilePeriod.Slot.PREVIOUS);
                }
            }
        }
    }

    private void countDisruptions(Tally<DisruptionType> types, Tally<String> districts, Tally<YearMonth> months,
            Tally<YearMonth> monthsBefore, Tally<Quadrant> byQuadrant) {
        for (DisruptionActivity.Activity update : data.disruptions()) {
            ProfilePeriod.Slot slot = period.slot(update.date());
            if (slot == ProfilePeriod.Slot.NEITHER) {
                continue;
            }
            boolean previous = slot == ProfilePeriod.Slot.PREVIOUS;
            types.add(update.type(), previous);
            districts.add(update.district(), previous);
            if (previous) {
                monthsBefore.add(YearMonth.from(update.date()), false);
            } else {
                months.add(YearMonth.from(update.date()), false);
                byQuadrant.add(update.quadrant(), false);
            }
            place(update.premisesName(), update.postcode())
                    .ifPresent(p -> places.add(p, update.district(), Hotspots.Source.DISRUPTION, previous));
        }
    }

    private void countIntelligence() {
        for (IntelLocations.ObservedPlace place : data.intelligence()) {
            ProfilePeriod.Slot slot = period.slot(place.observedAt());
            if (slot == ProfilePeriod.Slot.NEITHER) {
                continue;
            }
            String district = scope.canonicalDistrict(place.district());
            place(place.placeName(), place.postcode()).ifPresent(p -> places.add(p, district,
                    Hotspots.Source.INTELLIGENCE, slot == ProfilePeriod.Slot.PREVIOUS));
        }
    }

    private Optional<PlaceNames.Place> place(String name, String postcode) {
        return spellings.computeIfAbsent(Arrays.asList(name, postcode), k -> PlaceNames.of(name, postcode));
    }

    private record HotspotCells(Hotspots.Hotspot place, Count total, Count intelligence, Count missingFound,
            Count disruption, Count previous) {}

    private HotspotCells register(Hotspots.Hotspot h) {
        HotspotCells cells = new HotspotCells(h, Count.of(h.total()), Count.of(h.intelligence()), Count.of(h.missingFound()),
                Count.of(h.disruption()), suppression.add(Count.of(h.previous())));
        suppression.group(cells.total(), List.of(cells.intelligence(), cells.missingFound(), cells.disruption()));
        return cells;
    }

    private static List<ProfileResponse.Hotspot> rank(List<HotspotCells> cells) {
        List<ProfileResponse.Hotspot> ranked = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            HotspotCells c = cells.get(i);
            ranked.add(new ProfileResponse.Hotspot(i + 1, c.place().place(), c.place().district(), c.total(),
                    c.intelligence(), c.missingFound(), c.disruption(), c.previous(), Count.change(c.total(), c.previous())));
        }
        return ranked;
    }
}
