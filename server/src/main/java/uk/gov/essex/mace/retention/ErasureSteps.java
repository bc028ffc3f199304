package uk.gov.essex.mace.retention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.alerts.AlertErasure;
import uk.gov.essex.mace.cases.CaseErasure;
import uk.gov.essex.mace.chat.ReadMarkerErasure;
import uk.gov.essex.mace.disruption.DisruptionErasure;
import uk.gov.essex.mace.intel.IntelErasure;
import uk.gov.essex.mace.live.LiveSubscriptionErasure;
import uk.gov.essex.mace.meetings.MeetingErasure;
import uk.gov.essex.mace.risk.RiskErasure;

/**
 * Every kind of record the hub holds about a case, each with the public hook of the feature that
 * owns it, in the order erasure runs them: the case document first (so every API answers 404 at
 * once), then (after the data key is destroyed) intelligence, risk records, then alerts (nothing can
 * raise one once the risk records are gone), meeting entries, legal holds, read markers, the links
 * from disruption updates (which stay: they are the councils' records about places) and the live
 * sessions' recorded subscriptions. Disruption updates themselves follow their own schedule and are
 * erased a quadrant-month at a time ({@link #monthStep()}). Start-up fails unless
 * {@code hub.retention.record-types} lists exactly these kinds, each following the schedule its
 * erasure runs under ({@code CASE} or {@code OWN_SCHEDULE}).
 */
@Component
class ErasureSteps {

    static final String CASE = "case";
    static final String DISRUPTION_UPDATES = "disruption-updates";

    /** One kind of record and how to erase a case's records of that kind; returns how many went. */
    record Step(String recordType, ToIntFunction<String> erase) {}

    private final Step caseStep;
    private final List<Step> afterKey;
    private final Step monthStep;

    ErasureSteps(CaseErasure cases, IntelErasure intel, RiskErasure risk, AlertErasure alerts, MeetingErasure meetings,
            LegalHolds holds, ReadMarkerErasure readMarkers, DisruptionErasure disruptions,
            LiveSubscriptionErasure liveSubscriptions, RetentionProperties properties) {
        this.caseStep = new Step(CASE, cases::eraseCase);
        this.afterKey = List.of(
                new Step("intel-items", intel::eraseCase),
                new Step("risk-records", risk::eraseCase),
                new Step("alerts", alerts::eraseCase),
                new Step("meeting-entries", meetings::eraseCase),
                new Step("legal-holds", holds::deleteCase),
                new Step("read-markers", readMarkers::eraseCase),
                new Step("disruption-links", disruptions::eraseCase),
                new Step("live-subscriptions", liveSubscriptions::eraseCase));
        this.monthStep = new Step(DISRUPTION_UPDATES, scope -> disruptions.eraseMonth(
                DisruptionErasure.MonthScope.parse(scope).orElseThrow(() -> new IllegalArgumentException("not a month scope"))));
        Map<String, RetentionProperties.Follows> kinds = new LinkedHashMap<>();
        kinds.put(CASE, RetentionProperties.Follows.CASE);
        afterKey.forEach(s -> kinds.put(s.recordType(), RetentionProperties.Follows.CASE));
        kinds.put(monthStep.recordType(), RetentionProperties.Follows.OWN_SCHEDULE);
        if (!kinds.equals(properties.recordTypes())) {
            throw new IllegalStateException("hub.retention.record-types must list exactly the kinds of record the hub "
                    + "erases, each with the schedule its erasure follows, " + kinds + "; it lists "
                    + properties.recordTypes());
        }
    }

    /** Runs before the data key is destroyed. */
    Step caseStep() {
        return caseStep;
    }

    /** Run after the data key is destroyed, in order. */
    List<Step> afterKey() {
        return afterKey;
    }

    /** Erases a quadrant-month of disruption updates, by key scope, under their own schedule. */
    Step monthStep() {
        return monthStep;
    }
}
