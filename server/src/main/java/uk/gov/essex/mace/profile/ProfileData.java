package uk.gov.essex.mace.profile;

import java.util.List;
import java.util.Map;
import uk.gov.essex.mace.alerts.MaceStanding;
import uk.gov.essex.mace.cases.CaseOutline;
import uk.gov.essex.mace.disruption.DisruptionActivity;
import uk.gov.essex.mace.intel.IntelLocations;
import uk.gov.essex.mace.risk.RiskActivity;

/**
 * Everything a profile is computed from, gathered from the features for the current and previous
 * periods. Lives only while the profile is computed; case ids are used to join and never published.
 */
record ProfileData(
        Map<String, CaseOutline> cases,
        List<MaceStanding> standings,
        List<RiskActivity> risk,
        List<IntelLocations.ObservedPlace> intelligence,
        List<DisruptionActivity.Activity> disruptions) {

    ProfileData {
        cases = Map.copyOf(cases);
        standings = List.copyOf(standings);
        risk = List.copyOf(risk);
        intelligence = List.copyOf(intelligence);
        disruptions = List.copyOf(disruptions);
    }
}
