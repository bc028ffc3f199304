package uk.gov.essex.mace.intel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.redaction.LabelRules;
import uk.gov.essex.mace.redaction.SegmentMarkup;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * The rules an item must meet before anything is stored: known labels, segments at least as strict
 * as the item, an author who could see what they share, police-only grading, conditions on code C.
 * Messages never quote the submitted content.
 */
@Component
class IntelRules {

    static final int MAX_TEXT_BYTES = 65_536;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final LabelRules labelRules;
    private final Partnership partnership;
    private final Clock clock;

    IntelRules(LabelRules labelRules, Partnership partnership, Clock clock) {
        this.labelRules = labelRules;
        this.partnership = partnership;
        this.clock = clock;
    }

    HandlingLabel label(HubPrincipal who, CaseFacts facts, String id) {
        return labelRules.label(who, facts, id, "label");
    }

    List<SegmentMarkup.Piece> text(HubPrincipal who, CaseFacts facts, HandlingLabel itemLabel, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw invalid("text-too-long", "The text is longer than 64 KB.", "text");
        }
        return labelRules.segments(who, facts, itemLabel, text, "text");
    }

    void grading(HubPrincipal who, Grading grading) {
        if (grading == null) {
            return;
        }
        if (who.agencyType() != AgencyType.POLICE) {
            throw invalid("grading-not-police", "Only police intelligence carries a 3x5x2 grading.", "grading");
        }
        boolean noConditions = grading.conditions() == null || grading.conditions().isBlank();
        if (grading.handlingCode() == Grading.HandlingCode.C && noConditions) {
            throw invalid("conditions-required", "Handling code C needs its conditions stated.", "grading.conditions");
        }
    }

    void observedAt(java.time.Instant observedAt) {
        if (observedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw invalid("observed-in-future", "The observation time is in the future.", "observedAt");
        }
    }

    void place(Place place) {
        if (place != null && place.district() != null && partnership.district(place.district()).isEmpty()) {
            throw invalid("unknown-district", "The location's district is not an Essex district the hub knows.", "location.district");
        }
    }

    private static InvalidRequestProblem invalid(String slug, String message, String field) {
        return new InvalidRequestProblem(slug, message, Map.of(field, slug));
    }
}
