package uk.gov.essex.mace.retention;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * sessions' recorded subscriptions. Start-up fails unless {@code hub.retention.record-types} lists
 * exactly these kinds.
 */
@Component
class ErasureSteps {

    static final String CASE = "case";

    /** One kind of record and how to erase a case's records of that kind; returns how many went. */
    record Step(String recordType, ToIntFunction<String> erase) {}

    private final Step caseStep;
    private final List<Step> afterKey;

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
        Set<String> kinds = new LinkedHashSet<>();
        kinds.add(CASE);
        afterKey.forEach(s -> kinds.add(s.recordType()));
        if (!kinds.equals(properties.recordTypes().keySet())) {
            throw new IllegalStateException("hub.retention.record-types must list exactly the kinds of record the hub "
                    + "erases, " + kinds + "; it lists " + properties.recordTypes().keySet());
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
}
