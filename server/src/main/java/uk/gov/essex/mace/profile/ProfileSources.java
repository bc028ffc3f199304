package uk.gov.essex.mace.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.alerts.MaceStanding;
import uk.gov.essex.mace.alerts.MaceStandings;
import uk.gov.essex.mace.cases.CaseOutline;
import uk.gov.essex.mace.cases.CaseOutlines;
import uk.gov.essex.mace.disruption.DisruptionActivity;
import uk.gov.essex.mace.intel.IntelLocations;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.risk.RiskActivities;
import uk.gov.essex.mace.risk.RiskActivity;

/**
 * Gathers a profile's facts through the features' public interfaces (never their storage): the
 * cases of the quadrants, their MACE standings and risk records, the places of their intelligence,
 * and the disruption updates about places in the quadrants.
 */
@Component
class ProfileSources {

    private final CaseOutlines cases;
    private final MaceStandings standings;
    private final RiskActivities risk;
    private final IntelLocations intelligence;
    private final DisruptionActivity disruptions;

    ProfileSources(CaseOutlines cases, MaceStandings standings, RiskActivities risk, IntelLocations intelligence,
            DisruptionActivity disruptions) {
        this.cases = cases;
        this.standings = standings;
        this.risk = risk;
        this.intelligence = intelligence;
        this.disruptions = disruptions;
    }

    ProfileData gather(Set<Quadrant> quadrants, ProfilePeriod period) {
        Map<String, CaseOutline> outlines = new HashMap<>();
        cases.inQuadrants(quadrants).forEach(c -> outlines.put(c.caseId(), c));
        List<MaceStanding> standing = standings.standings(period.previousStart()).stream()
                .filter(s -> outlines.containsKey(s.caseId())).toList();
        List<RiskActivity> activity = new ArrayList<>();
        List<IntelLocations.ObservedPlace> places = new ArrayList<>();
        if (!outlines.isEmpty()) {
            risk.forEach(outlines.keySet(), activity::add);
            intelligence.forEach(outlines.keySet(), period.previousStart(), period.end(), places::add);
        }
        List<DisruptionActivity.Activity> updates = new ArrayList<>();
        disruptions.forEach(quadrants, period.previousFrom(), period.to(), updates::add);
        return new ProfileData(outlines, standing, activity, places, updates);
    }
}
